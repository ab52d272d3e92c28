package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.in.SessionResult;
import dev.momentum.auth.application.port.in.SignInCommand;
import dev.momentum.auth.application.port.in.SignUpCommand;
import dev.momentum.auth.application.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.port.out.TransactionRunner;
import dev.momentum.auth.domain.credential.PasswordPolicy;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.SessionLifetime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Every use case wired to in-memory fakes, as the bootstrap module wires them to real adapters. */
final class TestAuthService {

    static final String PASSWORD = "correct horse battery";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySessions sessions = new InMemorySessions(users);
    final InMemoryVerificationTokens verificationTokens = new InMemoryVerificationTokens();
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final SequenceTokenGenerator tokens = new SequenceTokenGenerator();
    final RecordingMailer mailer = new RecordingMailer();
    final TransactionRunner transactions = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(work);
        }
    };
    final AuthPolicy policy = new AuthPolicy(URI.create("http://localhost:3002/api/auth"), PasswordPolicy.DEFAULT,
            SessionLifetime.DEFAULT, Duration.ofHours(1), Duration.ZERO, true);
    final SessionIssuer sessionIssuer = new SessionIssuer(sessions, tokens, policy.sessionLifetime(), clock);
    final VerificationMailing verificationMailing = new VerificationMailing(verificationTokens, tokens, mailer, policy,
            clock);

    final SignUpService signUp = new SignUpService(users, hasher, tokens, transactions, verificationMailing, policy,
            clock);
    final SignInService signIn = new SignInService(users, hasher, sessionIssuer, policy, clock);
    final GetSessionService getSession = new GetSessionService(sessions, policy.sessionLifetime(), clock);
    final ListSessionsService listSessions = new ListSessionsService(getSession, sessions, policy.sessionLifetime(),
            clock);
    final RevokeSessionsService revokeSessions = new RevokeSessionsService(getSession, sessions);
    final ListAccountsService listAccounts = new ListAccountsService(getSession, users);
    final ChangePasswordService changePassword = new ChangePasswordService(getSession, users, sessions, hasher,
            sessionIssuer, transactions, policy, clock);
    final UpdateUserService updateUser = new UpdateUserService(getSession, users, clock);
    final RequestPasswordResetService requestPasswordReset = new RequestPasswordResetService(users, transactions,
            verificationMailing, policy);
    final ResetPasswordService resetPassword = new ResetPasswordService(verificationTokens, users, sessions, hasher,
            transactions, policy, clock);
    final SignOutService signOut = new SignOutService(sessions);
    final VerifyEmailService verifyEmail = new VerifyEmailService(verificationTokens, users, sessionIssuer,
            transactions, clock);
    final SendVerificationEmailService sendVerificationEmail = new SendVerificationEmailService(users, getSession,
            transactions, verificationMailing, policy);

    static SignUpCommand signUpCommand(String email) {
        return new SignUpCommand("Ada", email, PASSWORD, null, "/welcome", ClientInfo.UNKNOWN);
    }

    static SignInCommand signInCommand(String email, String password) {
        return new SignInCommand(email, password, true, ClientInfo.UNKNOWN);
    }

    void signUp(String email) {
        signUp.signUp(signUpCommand(email)).block();
    }

    VerificationMail lastMail() {
        return (VerificationMail) mailer.sent.getLast();
    }

    /** The token in the last reset link, {@code {authBase}/reset-password/<token>?callbackURL=…}. */
    String tokenOfLastResetMail() {
        String path = ((dev.momentum.auth.application.port.out.AccountMail.PasswordResetMail) mailer.sent.getLast())
                .link().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String tokenOfLastMail() {
        String query = lastMail().link().getQuery();
        return query.substring("token=".length(), query.indexOf('&'));
    }

    SessionResult signUpVerifyAndSignIn(String email) {
        signUp(email);
        verifyEmail.verify(new dev.momentum.auth.application.port.in.VerifyEmailCommand(tokenOfLastMail(),
                ClientInfo.UNKNOWN)).block();
        return signIn.signIn(signInCommand(email, PASSWORD)).block();
    }
}

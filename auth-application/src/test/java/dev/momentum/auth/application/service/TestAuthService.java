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
import java.util.concurrent.atomic.AtomicInteger;
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
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final RecordingMailer mailer = new RecordingMailer();
    final AtomicInteger deliveryWakeUps = new AtomicInteger();
    final TransactionRunner transactions = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(work);
        }
    };
    final AuthPolicy policy = new AuthPolicy(URI.create("http://localhost:3002/api/auth"), PasswordPolicy.DEFAULT,
            SessionLifetime.DEFAULT, Duration.ofHours(1), Duration.ZERO, true);
    final SessionIssuer sessionIssuer = new SessionIssuer(sessions, tokens, policy.sessionLifetime(), clock);
    final VerificationMailing verificationMailing = new VerificationMailing(verificationTokens, outbox, tokens,
            deliveryWakeUps::incrementAndGet, policy, clock);
    final MailDeliveryService mailDelivery = new MailDeliveryService(outbox, mailer, new MailDeliveryPolicy(
            Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(23), Duration.ofMinutes(2), 3, 2,
            Duration.ofSeconds(30)), clock);
    final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    final SecurityEvents events = new SecurityEvents(auditTrail, clock);
    final AccountChanges accountChanges = new AccountChanges(true, true, false);

    /** better-auth's budgets, counted in memory as a shared store would count them. */
    final RateLimiter limiter = new RateLimiter(RateLimitPolicy.defaults(), new LocalRateLimitStore(1000), clock);

    final SignUpService signUp = new SignUpService(users, hasher, tokens, transactions, verificationMailing, policy,
            limiter, clock, events);
    final SignInService signIn = new SignInService(users, hasher, sessionIssuer, policy, limiter, clock, events);
    final GetSessionService getSession = new GetSessionService(sessions, policy.sessionLifetime(), clock);
    final ListSessionsService listSessions = new ListSessionsService(getSession, sessions, policy.sessionLifetime(),
            clock);
    final RevokeSessionsService revokeSessions = new RevokeSessionsService(getSession, sessions, events);
    final ListAccountsService listAccounts = new ListAccountsService(getSession, users);
    final ChangePasswordService changePassword = new ChangePasswordService(getSession, users, sessions, hasher,
            sessionIssuer, transactions, policy, clock, events);
    final UpdateUserService updateUser = new UpdateUserService(getSession, sessions, transactions, users,
            clock);
    final RequestPasswordResetService requestPasswordReset = new RequestPasswordResetService(users, transactions,
            verificationMailing, policy, limiter, events);
    final ResetPasswordService resetPassword = new ResetPasswordService(verificationTokens, users, sessions, hasher,
            transactions, policy, clock, events);
    final SignOutService signOut = new SignOutService(sessions, events);
    final VerifyEmailService verifyEmail = new VerifyEmailService(verificationTokens, users, sessionIssuer,
            getSession, verificationMailing, transactions, clock, events);
    final ChangeEmailService changeEmail = new ChangeEmailService(getSession, sessions, users, verificationMailing,
            transactions, accountChanges, events);
    final SendVerificationEmailService sendVerificationEmail = new SendVerificationEmailService(users, getSession,
            transactions, verificationMailing, policy, limiter);
    final DeleteUserService deleteUser = new DeleteUserService(getSession, sessions, users, hasher, verificationTokens,
            verificationMailing, transactions, accountChanges, policy, clock, events);

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
        return (VerificationMail) outbox.queued().getLast();
    }

    /** The token in the last reset link, {@code {authBase}/reset-password/<token>?callbackURL=…}. */
    String tokenOfLastResetMail() {
        String path = ((dev.momentum.auth.application.port.out.AccountMail.PasswordResetMail) outbox.queued().getLast())
                .link().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String tokenOfLastMail() {
        String query = lastMail().link().getQuery();
        return query.substring("token=".length(), query.indexOf('&'));
    }

    SessionResult signUpVerifyAndSignIn(String email) {
        signUp(email);
        verifyEmail.verify(new dev.momentum.auth.application.port.in.VerifyEmailCommand(tokenOfLastMail(), null,
                ClientInfo.UNKNOWN)).block();
        return signIn.signIn(signInCommand(email, PASSWORD)).block();
    }
}

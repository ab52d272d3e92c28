package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.account.AccountChanges;
import dev.momentum.auth.application.account.ChangeEmailService;
import dev.momentum.auth.application.account.DeleteUserService;
import dev.momentum.auth.application.account.ListAccountsService;
import dev.momentum.auth.application.account.UpdateUserService;
import dev.momentum.auth.application.admin.AdministrationService;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.ChangePasswordService;
import dev.momentum.auth.application.credential.PasswordCheck;
import dev.momentum.auth.application.credential.RequestPasswordResetService;
import dev.momentum.auth.application.credential.ResetPasswordService;
import dev.momentum.auth.application.credential.SignInService;
import dev.momentum.auth.application.credential.SignUpService;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInResult;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.mail.MailDeliveryPolicy;
import dev.momentum.auth.application.mail.MailDeliveryService;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.oauth.AuthorizeService;
import dev.momentum.auth.application.oauth.ClientRegistrationService;
import dev.momentum.auth.application.oauth.ClientAuthenticator;
import dev.momentum.auth.application.oauth.ConsentsService;
import dev.momentum.auth.application.oauth.DocumentClients;
import dev.momentum.auth.application.oauth.EndSessionService;
import dev.momentum.auth.application.oauth.OAuthAdministrationService;
import dev.momentum.auth.application.oauth.OAuthSettings;
import dev.momentum.auth.application.oauth.ResourceServers;
import dev.momentum.auth.application.oauth.TokenService;
import dev.momentum.auth.application.oauth.UserInfoService;
import dev.momentum.auth.application.operations.HealthService;
import dev.momentum.auth.application.operations.port.out.StorageProbe;
import dev.momentum.auth.application.passkey.PasskeyService;
import dev.momentum.auth.application.passkey.PasskeySettings;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.ListSessionsService;
import dev.momentum.auth.application.session.RevokeSessionsService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.signing.IssueTokenService;
import dev.momentum.auth.application.signing.KeyRotationService;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.signing.TokenPolicy;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.LocalRateLimitStore;
import dev.momentum.auth.application.throttle.RateLimitPolicy;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.twofactor.CodeCheck;
import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.application.twofactor.MailedCodes;
import dev.momentum.auth.application.twofactor.ManageSecondFactorService;
import dev.momentum.auth.application.twofactor.SignInSecondStep;
import dev.momentum.auth.application.twofactor.VerifySecondFactorService;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.application.user.SecondFactorRequirement;
import dev.momentum.auth.application.verification.SendVerificationEmailService;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.application.verification.VerifyEmailService;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.domain.credential.PasswordPolicy;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.signing.KeyRotation;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.token.LinkToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Every use case wired to in-memory fakes, as the bootstrap module wires them to real adapters. */
public final class TestAuthService {

    public static final String PASSWORD = "correct horse battery";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemorySessions sessions = new InMemorySessions(users);
    public final InMemoryVerificationTokens verificationTokens = new InMemoryVerificationTokens();
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    public final SequenceTokenGenerator tokens = new SequenceTokenGenerator();
    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final RecordingMailer mailer = new RecordingMailer();
    public final AtomicInteger deliveryWakeUps = new AtomicInteger();
    public final AtomicInteger transactionsRun = new AtomicInteger();
    public final TransactionRunner transactions = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(() -> {
                transactionsRun.incrementAndGet();
                return work.get();
            });
        }
    };
    public final AuthPolicy policy = new AuthPolicy(PasswordPolicy.DEFAULT,
            SessionLifetime.DEFAULT, Duration.ofHours(1), Duration.ZERO, true);
    public final SessionIssuer sessionIssuer = new SessionIssuer(sessions, tokens, policy.sessionLifetime(), clock);
    public final VerificationMailing verificationMailing = new VerificationMailing(verificationTokens, outbox, tokens,
            deliveryWakeUps::incrementAndGet, new TestAccountLinks(), policy, clock);
    public final MailDeliveryService mailDelivery = new MailDeliveryService(outbox, mailer, new MailDeliveryPolicy(
            Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(23), Duration.ofMinutes(2), 3, 2,
            Duration.ofSeconds(30)), clock);
    public final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    public final SecurityEvents events = new SecurityEvents(auditTrail, clock);
    public final AccountChanges accountChanges = new AccountChanges(true, true, false);

    /** better-auth's budgets, counted in memory as a shared store would count them. */
    public final RateLimiter limiter = new RateLimiter(RateLimitPolicy.defaults(), new LocalRateLimitStore(1000), clock);

    public final SignUpService signUp = new SignUpService(users, hasher, tokens, transactions, verificationMailing, policy,
            limiter, clock, events);
    public final SignOutService signOut = new SignOutService(sessions, events);
    public final InMemorySecondFactors secondFactors = new InMemorySecondFactors(users);
    public final InMemoryPasskeys passkeys = new InMemoryPasskeys();
    public final InMemoryOAuth oauth = new InMemoryOAuth();
    public final SessionReplacement sessionReplacement = new SessionReplacement(sessionIssuer, signOut, transactions,
            users);
    public final SignInSecondStep secondStep = new SignInSecondStep(verificationTokens, secondFactors, tokens, clock);
    public final SignInService signIn = new SignInService(users, hasher, sessionReplacement, secondStep, policy, limiter,
            clock, events);
    public final GetSessionService getSession = new GetSessionService(sessions, policy.sessionLifetime(),
            SecondFactorRequirement.NONE, clock);
    public final AtomicBoolean databaseReachable = new AtomicBoolean(true);
    public final HealthService health = new HealthService(new StorageProbe() {
        @Override
        public Mono<Boolean> isReachable() {
            return Mono.fromSupplier(databaseReachable::get);
        }

        @Override
        public Mono<Boolean> hasCurrentSchema() {
            return Mono.just(true);
        }
    });
    public final InMemorySigningKeys signingKeys = new InMemorySigningKeys();
    public final LabelledSigning signing = LabelledSigning.bySubject();
    public final SigningKeyRing keyRing = new SigningKeyRing(signingKeys, signing, tokens,
            new KeyRotation(Duration.ofDays(30), Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofMinutes(20)),
            SigningAlgorithm.ES256, clock, events);
    public final AdminPolicy admins = new AdminPolicy(Set.of());
    public final IssueTokenService issueToken = new IssueTokenService(getSession, keyRing, tokens,
            new TokenPolicy("http://localhost:3002", "http://localhost:3002", Duration.ofMinutes(15), Duration.ZERO),
            admins);
    public final Administrators administrators = new Administrators(users, admins);
    public final KeyRotationService keyRotation = new KeyRotationService(keyRing, administrators);
    public final InMemoryUserAdministration userAdministration = new InMemoryUserAdministration(users);
    public final AdministrationService administration = new AdministrationService(users, administrators,
            userAdministration, sessions, secondFactors, verificationTokens, auditTrail, transactions, admins, events,
            clock);
    public final ListSessionsService listSessions = new ListSessionsService(getSession, sessions, policy.sessionLifetime(),
            clock);
    public final RevokeSessionsService revokeSessions = new RevokeSessionsService(getSession, sessions, events);
    public final ListAccountsService listAccounts = new ListAccountsService(getSession, users);
    public final ChangePasswordService changePassword = new ChangePasswordService(getSession, users, sessions, hasher,
            sessionIssuer, transactions, policy, clock, events);
    public final UpdateUserService updateUser = new UpdateUserService(getSession, sessions, transactions, users,
            clock);
    public final RequestPasswordResetService requestPasswordReset = new RequestPasswordResetService(users, transactions,
            verificationMailing, policy, limiter, events);
    public final ResetPasswordService resetPassword = new ResetPasswordService(verificationTokens, users, sessions, hasher,
            transactions, policy, clock, events);
    public final VerifyEmailService verifyEmail = new VerifyEmailService(verificationTokens, users, users, sessionIssuer,
            getSession, verificationMailing, transactions, clock, events);
    public final ChangeEmailService changeEmail = new ChangeEmailService(getSession, sessions, users, verificationMailing,
            transactions, accountChanges, events);
    public final SendVerificationEmailService sendVerificationEmail = new SendVerificationEmailService(users, getSession,
            transactions, verificationMailing, policy, limiter);
    public final TestTotpCodes totpCodes = new TestTotpCodes();
    public final FactorSecrets factorSecrets = new FactorSecrets(new LabelledSealer(), new CommaBackupCodesFormat());
    public final MailedCodes mailedCodes = new MailedCodes(verificationTokens, outbox, tokens,
            deliveryWakeUps::incrementAndGet, clock);
    public final CodeCheck codeCheck = new CodeCheck(secondFactors, factorSecrets, totpCodes, mailedCodes, events, clock);
    public final ManageSecondFactorService manageSecondFactor = new ManageSecondFactorService(new CurrentSession(getSession),
            new PasswordCheck(users, hasher, policy.passwordPolicy()), secondFactors, factorSecrets, totpCodes, tokens,
            verificationTokens, sessionReplacement, events, clock, "Momentum");
    public final VerifySecondFactorService verifySecondFactor = new VerifySecondFactorService(getSession,
            verificationTokens, verificationTokens, users, secondFactors, codeCheck, mailedCodes, secondStep,
            sessionReplacement, events, clock);
    public final PasskeyService passkeyService = new PasskeyService(getSession, passkeys, passkeys, new TestCeremonies(),
            users, sessionReplacement, tokens, new PasskeySettings("localhost", "Momentum",
                    Set.of("http://localhost:3000")), policy.sessionLifetime(), events, clock);
    /** An MCP server the authorization server issues tokens for, and its scope. */
    public static final String MCP_RESOURCE = "https://mcp.example.com/mcp";
    public final OAuthSettings oauthSettings = new OAuthSettings("http://localhost:3002",
            OAuthSettings.STANDARD_SCOPES.union(Scopes.parse("mcp:tools").orElseThrow()),
            List.of(new ResourceIndicator(MCP_RESOURCE)), "http://localhost:3002/api/auth/oauth2/userinfo",
            "http://localhost:3002/api/auth/oauth2",
            Duration.ofMinutes(15), OAuthSettings.CODE_LIFETIME, Duration.ofDays(30), Duration.ofMinutes(15),
            OAuthSettings.Registration.OPEN, Optional.empty(), true);
    public final ClientRegistrationService clientRegistration = new ClientRegistrationService(oauth, tokens,
            oauthSettings, events, clock);
    public final ServedClientDocuments clientDocuments = new ServedClientDocuments();
    public final ResourceServers resourceServers = new ResourceServers(oauthSettings, oauth);
    public final AuthorizeService authorize = new AuthorizeService(new DocumentClients(oauth, clientDocuments,
            clientRegistration, oauthSettings, events, clock), resourceServers, oauth, oauth, getSession, tokens,
            oauthSettings, events, clock);
    public final TokenService oauthTokens = new TokenService(new ClientAuthenticator(oauth, clientDocuments,
            new LabelledAssertions(), oauth, oauthSettings, clock), resourceServers, oauth, users, keyRing, tokens,
            oauthSettings, events, clock);
    public final UserInfoService userInfo = new UserInfoService(users);
    public final EndSessionService endSession = new EndSessionService(oauth, getSession, signOut);
    public final OAuthAdministrationService oauthAdministration = new OAuthAdministrationService(administrators, oauth,
            oauth, clientRegistration, resourceServers, oauth, tokens, events, clock);
    public final ConsentsService consents = new ConsentsService(getSession, oauth, oauth, oauth, events, clock);
    public final DeleteUserService deleteUser = new DeleteUserService(getSession, sessions, users, users, hasher, verificationTokens,
            verificationMailing, transactions, accountChanges, policy, clock, events);

    public static SignUpCommand signUpCommand(String email) {
        return SignUpCommand.of("Ada", email, PASSWORD, null, "/welcome", ClientInfo.UNKNOWN);
    }

    public static SignInCommand signInCommand(String email, String password) {
        return SignInCommand.of(email, password, true, ClientInfo.UNKNOWN, null);
    }

    public void signUp(String email) {
        signUp.signUp(signUpCommand(email)).block();
    }

    public VerificationMail lastMail() {
        return (VerificationMail) outbox.queued().getLast();
    }

    /** The token in the last reset link, {@code {authBase}/reset-password/<token>?callbackURL=…}. */
    public String tokenOfLastResetMail() {
        String path = ((dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail) outbox.queued().getLast())
                .link().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String tokenOfLastMail() {
        String query = lastMail().link().getQuery();
        return query.substring("token=".length(), query.indexOf('&'));
    }

    public SessionResult signUpVerifyAndSignIn(String email) {
        signUp(email);
        verifyEmail.verify(new VerifyEmailCommand(new LinkToken(tokenOfLastMail()), null,
                ClientInfo.UNKNOWN)).block();
        return signedIn(signInCommand(email, PASSWORD)).block();
    }

    /** The session of a sign-in that needs no second factor. */
    public Mono<SessionResult> signedIn(SignInCommand command) {
        return signIn.signIn(command).map(result -> ((SignInResult.SignedInResult) result).session());
    }
}

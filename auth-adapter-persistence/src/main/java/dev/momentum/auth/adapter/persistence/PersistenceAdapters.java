package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.application.operations.port.out.OperationalCounts;
import dev.momentum.auth.application.operations.port.out.StaleRecords;
import dev.momentum.auth.application.operations.port.out.StorageProbe;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import java.time.Duration;
import java.util.Objects;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The persistence side of every out-port, built over one {@link Database}. */
public final class PersistenceAdapters {

    private final UserStore users;
    private final SessionRepository sessions;
    private final VerificationTokenPersistenceAdapter verificationTokens;
    private final MailOutbox mailOutbox;
    private final StaleRecords staleRecords;
    private final SigningKeyStore signingKeys;
    private final TransactionRunner transactions;
    private final StorageProbe probe;
    private final RateLimitStore rateLimits;
    private final AuditTrail auditTrail;
    private final OperationalCounts operationalCounts;
    private final UserAdministration userAdministration;
    private final DatabaseUserChanges userChanges;
    private final SecondFactors secondFactors;
    private final PasskeyPersistenceAdapter passkeys;
    private final OAuthPersistenceAdapter oauth;

    /** @param mailSealer seals queued mail, whose links are credentials */
    public PersistenceAdapters(Database database, SecureTokenGenerator ids, Duration queryTimeout,
                               SecretSealer mailSealer) {
        Objects.requireNonNull(database, "database cannot be null");
        var storage = new StorageGuard(DatabaseClient.create(database.connectionFactory()), queryTimeout);
        this.userChanges = new DatabaseUserChanges(database.changeNoticeConnections(), queryTimeout);
        database.onOwnNotices(userChanges::heardOwnNotice);
        this.users = new UserPersistenceAdapter(storage, ids);
        this.sessions = new SessionPersistenceAdapter(storage);
        this.verificationTokens = new VerificationTokenPersistenceAdapter(storage);
        this.mailOutbox = new MailOutboxPersistenceAdapter(storage, ids, mailSealer);
        var staleRecords = new StaleRecordsPersistenceAdapter(storage);
        this.staleRecords = staleRecords;
        this.auditTrail = new AuditTrailPersistenceAdapter(storage, staleRecords);
        this.operationalCounts = new OperationalCountsPersistenceAdapter(storage);
        this.userAdministration = new UserAdministrationPersistenceAdapter(storage);
        this.signingKeys = new SigningKeyPersistenceAdapter(storage);
        this.transactions = new ReactiveTransactionRunner(
                TransactionalOperator.create(new R2dbcTransactionManager(database.connectionFactory())));
        this.probe = new DatabaseStorageProbe(storage);
        this.rateLimits = new RateLimitPersistenceAdapter(storage);
        this.secondFactors = new SecondFactorPersistenceAdapter(storage);
        this.passkeys = new PasskeyPersistenceAdapter(storage);
        this.oauth = new OAuthPersistenceAdapter(storage);
    }

    public UserStore users() {
        return users;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public VerificationTokenRepository verificationTokens() {
        return verificationTokens;
    }

    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    public StaleRecords staleRecords() {
        return staleRecords;
    }

    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    public StorageProbe probe() {
        return probe;
    }

    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public OperationalCounts operationalCounts() {
        return operationalCounts;
    }

    public UserAdministration userAdministration() {
        return userAdministration;
    }

    public SecondFactors secondFactors() {
        return secondFactors;
    }

    public Passkeys passkeys() {
        return passkeys;
    }

    public PasskeyChallenges passkeyChallenges() {
        return passkeys;
    }

    /** The sign-in challenges are verification tokens: one table, one adapter. */
    public SignInChallenges signInChallenges() {
        return verificationTokens;
    }

    public UserChangeFeed userChanges() {
        return userChanges;
    }

    public OAuthClients oauthClients() {
        return oauth;
    }

    public OAuthGrants oauthGrants() {
        return oauth;
    }

    public OAuthConsents oauthConsents() {
        return oauth;
    }

    public SpentAssertions spentAssertions() {
        return oauth;
    }

    public OAuthResources oauthResources() {
        return oauth;
    }
}

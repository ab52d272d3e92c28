package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.LocalRateLimitStore;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;

/** The in-memory ports the use-case tests run on keep the same contract as the database adapters. */
class InMemoryStoresTest extends StoreContract<InMemoryUsers> {

    private final TestAuthService auth = new TestAuthService();
    private final LocalRateLimitStore rateLimits = new LocalRateLimitStore(1000);

    @Override
    protected InMemoryUsers users() {
        return auth.users;
    }

    @Override
    protected SessionRepository sessions() {
        return auth.sessions;
    }

    @Override
    protected VerificationTokenRepository verificationTokens() {
        return auth.verificationTokens;
    }

    @Override
    protected TransactionRunner transactions() {
        return auth.transactions;
    }

    @Override
    protected MailOutbox outbox() {
        return auth.outbox;
    }

    @Override
    protected AuditTrail auditTrail() {
        return auth.auditTrail;
    }

    @Override
    protected RateLimitStore rateLimits() {
        return rateLimits;
    }

    @Override
    protected UserAdministration userAdministration() {
        return auth.userAdministration;
    }

    @Override
    protected SigningKeyStore signingKeys() {
        return auth.signingKeys;
    }
}

package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;

/** The in-memory ports the use-case tests run on keep the same contract as the database adapters. */
class InMemoryStoresTest extends StoreContract<InMemoryUsers> {

    private final TestAuthService auth = new TestAuthService();

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
}

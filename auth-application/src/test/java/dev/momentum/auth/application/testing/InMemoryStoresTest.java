package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.throttle.LocalRateLimitStore;

/** The in-memory ports the use-case tests run on keep the same contract as the database adapters. */
class InMemoryStoresTest extends StoreContract<InMemoryUsers> {

    private final TestAuthService auth = new TestAuthService();
    private final LocalRateLimitStore rateLimits = new LocalRateLimitStore(1000);

    @Override
    protected Ports<InMemoryUsers> ports() {
        return new Ports<>(auth.users, auth.sessions, auth.verificationTokens, auth.transactions, auth.outbox,
                auth.auditTrail, rateLimits, auth.userAdministration, auth.signingKeys, auth.secondFactors,
                auth.verificationTokens, auth.passkeys, auth.passkeys, auth.oauth, auth.oauth, auth.oauth, auth.oauth, auth.oauth);
    }
}

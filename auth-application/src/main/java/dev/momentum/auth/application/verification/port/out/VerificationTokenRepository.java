package dev.momentum.auth.application.verification.port.out;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Instant;
import java.util.Set;
import reactor.core.publisher.Mono;

public interface VerificationTokenRepository {

    Mono<Void> add(VerificationToken token);

    /** True while the token exists, is unspent and unexpired; spends nothing. */
    Mono<Boolean> isRedeemable(TokenHash hash, VerificationPurpose purpose, Instant now);

    /**
     * Spends the token if it has one of the purposes, atomically: of any number of concurrent
     * calls, one at most is Redeemed.
     */
    Mono<Redemption> redeem(TokenHash hash, Set<VerificationPurpose> purposes, Instant now);

    default Mono<Redemption> redeem(TokenHash hash, VerificationPurpose purpose, Instant now) {
        return redeem(hash, Set.of(purpose), now);
    }

    /** Deletes the user's unspent tokens of this purpose: a newer request replaces them. */
    Mono<Void> discardUnspent(UserId userId, VerificationPurpose purpose);
}

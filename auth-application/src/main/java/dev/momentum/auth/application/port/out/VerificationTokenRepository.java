package dev.momentum.auth.application.port.out;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Instant;
import reactor.core.publisher.Mono;

public interface VerificationTokenRepository {

    Mono<Void> add(VerificationToken token);

    /** True while the token exists, is unspent and unexpired; spends nothing. */
    Mono<Boolean> isRedeemable(TokenHash hash, VerificationPurpose purpose, Instant now);

    /** Spends the token atomically: of any number of concurrent calls, one at most is Redeemed. */
    Mono<Redemption> redeem(TokenHash hash, VerificationPurpose purpose, Instant now);
}

package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.credential.SecondFactorGate;
import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.twofactor.SecondStepTerms;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * What follows a right password for a user with a second factor: a device the user trusted signs
 * in at once, its token replaced, and anyone else gets a challenge to answer with a code
 * (better-auth's {@code twoFactor} sign-in hook, ADR-0048). Both are single-use verification
 * tokens, stored as hashes.
 */
public final class SignInSecondStep implements SecondFactorGate {

    private final VerificationTokenRepository tokens;
    private final SecondFactors factors;
    private final SecureTokenGenerator random;
    private final Clock clock;

    public SignInSecondStep(VerificationTokenRepository tokens, SecondFactors factors, SecureTokenGenerator random,
                            Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.factors = Objects.requireNonNull(factors, "factors cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<String> renewedTrust(User user, String presented) {
        if (presented == null || presented.isEmpty()) {
            return Mono.empty();
        }
        return tokens.redeem(TokenHash.of(presented), VerificationPurpose.TRUSTED_DEVICE, Instants.now(clock))
                .filter(redemption -> redemption instanceof Redemption.Redeemed redeemed
                        && redeemed.userId().equals(user.id()))
                .flatMap(redeemed -> trust(user.id()));
    }

    /** A new trusted-device token of the user. */
    public Mono<String> trust(UserId user) {
        return issue(user, VerificationPurpose.TRUSTED_DEVICE, SecondStepTerms.TRUST_VALIDITY);
    }

    @Override
    public Mono<SecondFactorRequiredResult> challenge(User user) {
        return factors.find(user.id())
                .map(SecondFactor::methods)
                .defaultIfEmpty(List.of())
                .flatMap(methods -> issue(user.id(), VerificationPurpose.SIGN_IN_CHALLENGE,
                        SecondStepTerms.CHALLENGE_VALIDITY)
                        .map(challenge -> new SecondFactorRequiredResult(challenge, methods)));
    }

    private Mono<String> issue(UserId user, VerificationPurpose purpose, Duration validity) {
        return Mono.defer(() -> {
            String token = random.newToken();
            var issued = VerificationToken.issue(TokenHash.of(token), purpose, user, Instants.now(clock), validity);
            return tokens.add(issued).thenReturn(token);
        });
    }
}

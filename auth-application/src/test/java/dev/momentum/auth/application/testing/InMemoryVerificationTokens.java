package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

public final class InMemoryVerificationTokens implements VerificationTokenRepository, SignInChallenges {

    public final Map<TokenHash, VerificationToken> tokens = new ConcurrentHashMap<>();
    public final Set<TokenHash> spent = ConcurrentHashMap.newKeySet();
    public final Map<TokenHash, Integer> attempts = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> add(VerificationToken token) {
        return Mono.fromRunnable(() -> tokens.put(token.hash(), token));
    }

    @Override
    public Mono<Boolean> isRedeemable(TokenHash hash, VerificationPurpose purpose, Instant now) {
        return Mono.fromCallable(() -> {
            VerificationToken token = tokens.get(hash);
            return token != null && token.purpose() == purpose && !spent.contains(hash) && !token.isExpiredAt(now);
        });
    }

    @Override
    public synchronized Mono<Redemption> redeem(TokenHash hash, Set<VerificationPurpose> purposes, Instant now) {
        return Mono.fromCallable(() -> {
            VerificationToken token = tokens.get(hash);
            if (token == null || !purposes.contains(token.purpose())) {
                return new Redemption.Unknown();
            }
            if (spent.contains(hash)) {
                return new Redemption.AlreadyRedeemed(token.userId());
            }
            if (token.isExpiredAt(now)) {
                return new Redemption.Expired();
            }
            spent.add(hash);
            return new Redemption.Redeemed(token);
        });
    }

    @Override
    public Mono<Void> discardUnspent(UserId userId, VerificationPurpose purpose) {
        return Mono.fromRunnable(() -> tokens.values().removeIf(token -> token.userId().equals(userId)
                && token.purpose() == purpose && !spent.contains(token.hash())));
    }

    @Override
    public Mono<UserId> holder(TokenHash challenge, Instant now) {
        return Mono.fromSupplier(() -> {
            VerificationToken token = tokens.get(challenge);
            return token != null && token.purpose() == VerificationPurpose.SIGN_IN_CHALLENGE
                    && !spent.contains(challenge) && !token.isExpiredAt(now) ? token.userId() : null;
        });
    }

    @Override
    public Mono<Attempt> beginAttempt(TokenHash challenge, int allowed, Instant now) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                VerificationToken token = tokens.get(challenge);
                if (token == null || token.purpose() != VerificationPurpose.SIGN_IN_CHALLENGE
                        || spent.contains(challenge) || token.isExpiredAt(now)) {
                    return new Attempt.Unknown();
                }
                if (attempts.merge(challenge, 1, Integer::sum) > allowed) {
                    spent.add(challenge);
                    return new Attempt.Exhausted();
                }
                return new Attempt.Admitted(token.userId());
            }
        });
    }
}

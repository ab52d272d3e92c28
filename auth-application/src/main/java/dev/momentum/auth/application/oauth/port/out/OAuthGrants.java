package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Grants, their authorization code and their refresh tokens, each token kept as its hash. Spending
 * a code or a refresh token is one conditional write, so of racing callers one wins; presenting one
 * that was spent tells which grant it belonged to, so that the caller can end it.
 */
public interface OAuthGrants {

    /** The grant, and its code, valid until the code's expiry. */
    Mono<Void> open(OAuthGrant grant, TokenHash code, AuthorizationCode details);

    /** Spends the code: empty when unknown, expired, or its grant has ended. */
    Mono<Presented<AuthorizationCode>> redeemCode(TokenHash code, Instant now);

    Mono<Void> addRefreshToken(TokenHash token, String grantId, Instant expiresAt);

    /**
     * The grant of a refresh token that may still be spent, without spending it: what a request is
     * checked against first, so that a refused request does not use the token up.
     */
    Mono<OAuthGrant> grantOfRefreshToken(TokenHash token, Instant now);

    /** Spends the refresh token: empty when unknown, expired, or its grant has ended. */
    Mono<Presented<Void>> redeemRefreshToken(TokenHash token, Instant now);

    /** Ends the grant: its refresh tokens stop working. False when it had already ended. */
    Mono<Boolean> revoke(String grantId, Instant now);

    /** Ends every grant of the user (all users when empty) to the client (all clients when empty); answers how many. */
    Mono<Long> revokeAll(Optional<UserId> user, Optional<String> clientId, Instant now);

    /** The user's grants that have not ended. */
    Flux<OAuthGrant> activeOf(UserId user, Instant now);

    /**
     * What presenting a code or refresh token found.
     *
     * @param <T> what the token carries beyond its grant
     */
    sealed interface Presented<T> {

        OAuthGrant grant();

        /** Spent by this call. */
        record Spent<T>(OAuthGrant grant, T details) implements Presented<T> {
            public Spent {
                Objects.requireNonNull(grant, "grant cannot be null");
            }
        }

        /** Spent before: a replay, by an attacker or a confused client. */
        record Replayed<T>(OAuthGrant grant) implements Presented<T> {
            public Replayed {
                Objects.requireNonNull(grant, "grant cannot be null");
            }
        }
    }
}

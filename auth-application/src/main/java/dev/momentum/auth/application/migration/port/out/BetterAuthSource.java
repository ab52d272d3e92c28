package dev.momentum.auth.application.migration.port.out;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A better-auth database, read and never written: its tables as better-auth's built-in migrator
 * or Prisma made them. Pages come in the order of their primary keys, each read by its own query
 * after the last key of the one before, so memory does not grow with the tables.
 */
public interface BetterAuthSource {

    /** The shape of the tables; fails with {@link BetterAuthSchemaException} naming what is missing. */
    Mono<Shape> inspect();

    Flux<List<User>> users(int pageSize);

    /** Lower-cased addresses that two or more users hold in different cases. */
    Flux<String> emailsDifferingOnlyInCase();

    Flux<List<Session>> sessions(int pageSize);

    /** Which of these session ids better-auth still has: an imported session whose row is gone was ended there. */
    Flux<String> sessionsAmong(List<String> ids);

    /** Accounts of every provider but "credential" (social sign-in rows). */
    Flux<List<Account>> otherAccounts(int pageSize);

    Flux<List<SecondFactor>> secondFactors(int pageSize);

    Flux<List<Passkey>> passkeys(int pageSize);

    Flux<SigningKey> signingKeys();

    /** Rows of the verification table: links and challenges, all short-lived, none carried over. */
    Mono<Long> verificationRows();

    /**
     * @param flavour how the tables were made: {@code kysely} (better-auth's migrator: timestamptz,
     *                jsonb) or {@code prisma} (timestamp(3) in UTC, text[])
     */
    record Shape(String flavour, boolean accountIssuer, boolean twoFactor, boolean passkey, boolean jwks) {
    }

    /** @param password better-auth's {@code <saltHex>:<keyHex>}, null without a credential account */
    record User(String id, String name, String email, boolean emailVerified, String image, Instant createdAt,
                Instant updatedAt, boolean twoFactorEnabled, String credentialAccountId, String password) {
    }

    record Session(String id, String token, String userId, Instant createdAt, Instant updatedAt, Instant expiresAt,
                   String ipAddress, String userAgent) {
    }

    record Account(String id, String userId, String providerId, String accountId, String accessToken,
                   String refreshToken, String idToken, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt,
                   String scope, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A user whom better-auth asks for a second factor, or who has one enrolled.
     *
     * @param secret   and {@code backupCodes} as better-auth stores them: encrypted under its secret
     *                 (backup codes may be plain JSON); null when the user has no twoFactor row
     * @param enforced better-auth asks for it at sign-in (the user's twoFactorEnabled, the row verified)
     */
    record SecondFactor(String userId, String secret, String backupCodes, boolean enforced) {
    }

    record Passkey(String id, String userId, String name, String publicKey, String credentialId, long counter,
                   String deviceType, boolean backedUp, String transports, String aaguid, Instant createdAt) {
    }

    /** @param publicKey the public JWK as better-auth stores it, without kid */
    record SigningKey(String id, String publicKey, String alg, String crv, Instant createdAt) {
    }
}

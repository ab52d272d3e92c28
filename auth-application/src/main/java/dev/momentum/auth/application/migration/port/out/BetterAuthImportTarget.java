package dev.momentum.auth.application.migration.port.out;

import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This service's tables as an import from better-auth writes them: each call is one page in one
 * transaction, rolled back instead of committed on a dry run, and writing the same page twice
 * changes nothing the second time.
 */
public interface BetterAuthImportTarget {

    /**
     * New users are added with their credential; users imported before are brought up to date where
     * better-auth's profile or password changed since (by the digests), and left alone otherwise, so
     * a password this service has re-hashed since is kept.
     */
    Mono<UsersWritten> writeUsers(List<ImportedUser> users, Instant now, boolean dryRun);

    /** Adds the live sessions of known users and extends imported ones whose expiry better-auth moved later. */
    Mono<Written> writeSessions(List<Session> live, boolean dryRun);

    /** The ids of the sessions imported before, page by page. */
    Flux<List<String>> importedSessionIds(int pageSize);

    /** Ends imported sessions (better-auth ended them); emits how many there were. */
    Mono<Integer> endSessions(List<String> ids, boolean dryRun);

    /** Adds the accounts of known users, and brings those imported before up to date. */
    Mono<Written> writeAccounts(List<ImportedAccount> accounts, boolean dryRun);

    Mono<Written> writeSecondFactors(List<ImportedSecondFactor> factors, boolean dryRun);

    /** Adds the passkeys of known users; a signature counter only ever moves forward. */
    Mono<Written> writePasskeys(List<BetterAuthSource.Passkey> passkeys, boolean dryRun);

    /** Publishes the keys until the given time, moved later on every run. */
    Mono<Written> publishKeys(List<ImportedKey> keys, boolean dryRun);

    /** Users whose password is still better-auth's hash: they have not signed in here yet. */
    Mono<Long> usersOnImportedPasswordHashes();

    /**
     * @param passwordHash null for a user without a password (social sign-in only)
     * @param profileDigest and {@code passwordDigest} fingerprint what better-auth held
     */
    record ImportedUser(User user, String credentialAccountId, PasswordHash passwordHash, String profileDigest,
                        String passwordDigest) {
    }

    /**
     * @param updated             users whose profile or password was brought up to date
     * @param emailsTakenByOthers addresses held here by another user: those users were not imported
     */
    record UsersWritten(int created, int updated, List<String> emailsTakenByOthers) {
    }

    /** @param skipped rows of users that were not imported, or that another row here already holds */
    record Written(int created, int changed, int skipped) {
    }

    /** @param accessToken and the other tokens sealed, or null */
    record ImportedAccount(String id, String userId, String providerId, String accountId, String accessToken,
                           String refreshToken, String idToken, Instant accessTokenExpiresAt,
                           Instant refreshTokenExpiresAt, String scope, Instant createdAt, Instant updatedAt) {
    }

    /**
     * @param totpSecret   and {@code backupCodes} sealed, or null when better-auth's could not be opened
     * @param sourceDigest fingerprints what better-auth held: a factor is rewritten only when that changed
     */
    record ImportedSecondFactor(String userId, String totpSecret, String backupCodes, boolean enforced,
                                Instant createdAt, String sourceDigest) {
    }

    record ImportedKey(String kid, String publicJwk, Instant publishedUntil) {
    }
}

package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget;
import dev.momentum.auth.application.migration.port.out.BetterAuthSource.Passkey;
import dev.momentum.auth.domain.credential.BetterAuthPasswordHash;
import dev.momentum.auth.domain.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a page of an import in one statement per table, the rows passed as arrays and spread by
 * {@code unnest}: a page of thousands of rows costs a few round trips, not thousands. Every write
 * is an upsert, so a page written again changes nothing, and each page is one transaction, rolled
 * back on a dry run. PostgreSQL only: better-auth's data lives there, and so must ours to take it.
 */
public final class BetterAuthImportPersistenceAdapter implements BetterAuthImportTarget {

    private final DatabaseClient client;
    private final TransactionalOperator transactions;

    public BetterAuthImportPersistenceAdapter(Database database) {
        Objects.requireNonNull(database, "database cannot be null");
        this.client = DatabaseClient.create(database.connectionFactory());
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(database.connectionFactory()));
    }

    /**
     * One statement: its parts read the tables as they were before it, so the update and the
     * passwords compare with the digests of the last import while the same statement replaces them,
     * and the foreign keys of the new accounts are checked once the users are in, at its end.
     */
    @Override
    public Mono<UsersWritten> writeUsers(List<ImportedUser> users, Instant now, boolean dryRun) {
        if (users.isEmpty()) {
            return Mono.just(new UsersWritten(0, 0, List.of()));
        }
        return inOneTransaction(dryRun, userRows(client.sql("""
                WITH t AS (
                  SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:names AS text[]), CAST(:emails AS text[]),
                         CAST(:verified AS boolean[]), CAST(:images AS text[]), CAST(:createdAt AS timestamptz[]),
                         CAST(:updatedAt AS timestamptz[]), CAST(:profileDigests AS text[]),
                         CAST(:passwordHashes AS text[]), CAST(:passwordDigests AS text[]), CAST(:accountIds AS text[]))
                  AS t(id, name, email, verified, image, created_at, updated_at, profile_digest, password_hash,
                       password_digest, account_id)),
                taken AS (SELECT t.id, t.email FROM t JOIN users u ON u.email = t.email AND u.id <> t.id),
                free AS (
                  SELECT t.*, EXISTS (SELECT 1 FROM users u WHERE u.id = t.id) AS existed,
                         m.user_id IS NOT NULL AND m.profile_digest <> t.profile_digest AS profile_changed,
                         m.user_id IS NOT NULL AND t.password_hash IS NOT NULL
                           AND m.password_digest IS DISTINCT FROM t.password_digest AS password_changed
                  FROM t LEFT JOIN better_auth_imports m ON m.user_id = t.id
                  WHERE NOT EXISTS (SELECT 1 FROM taken WHERE taken.id = t.id)),
                created AS (
                  INSERT INTO users (id, name, email, email_verified, image, created_at, updated_at)
                  SELECT id, name, email, verified, image, created_at, updated_at FROM free WHERE NOT existed
                  ON CONFLICT DO NOTHING RETURNING id),
                updated AS (
                  UPDATE users u SET name = f.name, email = f.email, email_verified = f.verified, image = f.image,
                         updated_at = f.updated_at
                  FROM free f WHERE u.id = f.id AND f.profile_changed),
                passwords AS (
                  INSERT INTO accounts (id, user_id, provider_id, account_id, password_hash, created_at, updated_at)
                  SELECT COALESCE(f.account_id, f.id), f.id, 'credential', f.id, f.password_hash, f.created_at, :now
                  FROM free f WHERE f.password_hash IS NOT NULL AND (NOT f.existed OR f.password_changed)
                  ON CONFLICT (provider_id, account_id) DO UPDATE
                    SET password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at),
                remembered AS (
                  INSERT INTO better_auth_imports (user_id, profile_digest, password_digest, imported_at)
                  SELECT f.id, f.profile_digest, f.password_digest, :now FROM free f
                  WHERE NOT f.existed OR f.profile_changed OR f.password_changed
                  ON CONFLICT (user_id) DO UPDATE SET profile_digest = EXCLUDED.profile_digest,
                    password_digest = EXCLUDED.password_digest, imported_at = EXCLUDED.imported_at)
                SELECT (SELECT COUNT(*) FROM created) AS created,
                       (SELECT COUNT(*) FROM free WHERE existed AND (profile_changed OR password_changed)) AS changed,
                       ARRAY(SELECT email FROM taken ORDER BY email) AS taken"""), users)
                .bind("now", Timestamps.of(now))
                .map(row -> new UsersWritten(row.get("created", Long.class).intValue(),
                        row.get("changed", Long.class).intValue(),
                        List.of(row.get("taken", String[].class))))
                .one());
    }

    private static GenericExecuteSpec userRows(GenericExecuteSpec statement, List<ImportedUser> users) {
        return statement
                .bind("ids", column(users, user -> user.user().id().value()))
                .bind("names", column(users, user -> user.user().name()))
                .bind("emails", column(users, user -> user.user().email().value()))
                .bind("verified", column(users, user -> String.valueOf(user.user().emailVerified())))
                .bind("images", column(users, user -> user.user().image()))
                .bind("createdAt", column(users, user -> user.user().createdAt().toString()))
                .bind("updatedAt", column(users, user -> user.user().updatedAt().toString()))
                .bind("profileDigests", column(users, ImportedUser::profileDigest))
                .bind("passwordHashes", column(users, user -> user.passwordHash() == null ? null
                        : user.passwordHash().encoded()))
                .bind("passwordDigests", column(users, ImportedUser::passwordDigest))
                .bind("accountIds", column(users, ImportedUser::credentialAccountId));
    }

    @Override
    public Mono<Written> writeSessions(List<Session> live, boolean dryRun) {
        return upserted(live.size(), dryRun, """
                unnest(CAST(:ids AS text[]), CAST(:tokenHashes AS text[]), CAST(:userIds AS text[]),
                       CAST(:createdAt AS timestamptz[]), CAST(:updatedAt AS timestamptz[]),
                       CAST(:expiresAt AS timestamptz[]), CAST(:ips AS text[]), CAST(:userAgents AS text[]))
                AS t(id, token_hash, user_id, created_at, updated_at, expires_at, ip, user_agent)""",
                "EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)", """
                INSERT INTO sessions (id, token_hash, user_id, created_at, updated_at, expires_at, ip_address,
                                      user_agent, imported)
                SELECT t.id, t.token_hash, t.user_id, t.created_at, t.updated_at, t.expires_at, LEFT(t.ip, 64),
                       LEFT(t.user_agent, 512), TRUE
                FROM t WHERE %s
                ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
                WHERE sessions.imported AND EXCLUDED.expires_at > sessions.expires_at""",
                statement -> sessionRows(statement, live));
    }

    @Override
    public Flux<List<String>> importedSessionIds(int pageSize) {
        return page("", pageSize).expand(ids -> ids.size() < pageSize ? Mono.empty() : page(ids.getLast(), pageSize))
                .filter(ids -> !ids.isEmpty());
    }

    private Mono<List<String>> page(String after, int pageSize) {
        return client.sql("SELECT id FROM sessions WHERE imported AND id > :after ORDER BY id LIMIT :size")
                .bind("after", after)
                .bind("size", pageSize)
                .map(row -> row.get("id", String.class))
                .all().collectList();
    }

    @Override
    public Mono<Integer> endSessions(List<String> ids, boolean dryRun) {
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        return inOneTransaction(dryRun, client.sql("DELETE FROM sessions WHERE imported AND id = ANY(CAST(:ids AS text[]))")
                .bind("ids", ids.toArray(String[]::new))
                .fetch().rowsUpdated()
                .map(Long::intValue));
    }

    private static GenericExecuteSpec sessionRows(GenericExecuteSpec statement, List<Session> sessions) {
        return statement
                .bind("ids", column(sessions, session -> session.id().value()))
                .bind("tokenHashes", column(sessions, session -> session.tokenHash().hex()))
                .bind("userIds", column(sessions, session -> session.userId().value()))
                .bind("createdAt", column(sessions, session -> session.createdAt().toString()))
                .bind("updatedAt", column(sessions, session -> session.updatedAt().toString()))
                .bind("expiresAt", column(sessions, session -> session.expiresAt().toString()))
                .bind("ips", column(sessions, Session::ipAddress))
                .bind("userAgents", column(sessions, Session::userAgent));
    }

    @Override
    public Mono<Written> writeAccounts(List<ImportedAccount> accounts, boolean dryRun) {
        return upserted(accounts.size(), dryRun, """
                unnest(CAST(:ids AS text[]), CAST(:userIds AS text[]), CAST(:providers AS text[]),
                       CAST(:accountIds AS text[]), CAST(:accessTokens AS text[]), CAST(:refreshTokens AS text[]),
                       CAST(:idTokens AS text[]), CAST(:accessExpiries AS timestamptz[]),
                       CAST(:refreshExpiries AS timestamptz[]), CAST(:scopes AS text[]),
                       CAST(:createdAt AS timestamptz[]), CAST(:updatedAt AS timestamptz[]))
                AS t(id, user_id, provider_id, account_id, access_token, refresh_token, id_token, access_expires,
                     refresh_expires, scope, created_at, updated_at)""", """
                EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)
                AND NOT EXISTS (SELECT 1 FROM accounts o WHERE o.provider_id = t.provider_id
                                AND o.account_id = t.account_id AND o.id <> t.id)""", """
                INSERT INTO accounts (id, user_id, provider_id, account_id, access_token, refresh_token, id_token,
                                      access_token_expires_at, refresh_token_expires_at, scope, created_at, updated_at)
                SELECT t.* FROM t WHERE %s
                ON CONFLICT (id) DO UPDATE SET access_token = EXCLUDED.access_token,
                  refresh_token = EXCLUDED.refresh_token, id_token = EXCLUDED.id_token,
                  access_token_expires_at = EXCLUDED.access_token_expires_at,
                  refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, scope = EXCLUDED.scope,
                  updated_at = EXCLUDED.updated_at
                WHERE accounts.updated_at < EXCLUDED.updated_at""", statement -> statement
                .bind("ids", column(accounts, ImportedAccount::id))
                .bind("userIds", column(accounts, ImportedAccount::userId))
                .bind("providers", column(accounts, ImportedAccount::providerId))
                .bind("accountIds", column(accounts, ImportedAccount::accountId))
                .bind("accessTokens", column(accounts, ImportedAccount::accessToken))
                .bind("refreshTokens", column(accounts, ImportedAccount::refreshToken))
                .bind("idTokens", column(accounts, ImportedAccount::idToken))
                .bind("accessExpiries", column(accounts, account -> text(account.accessTokenExpiresAt())))
                .bind("refreshExpiries", column(accounts, account -> text(account.refreshTokenExpiresAt())))
                .bind("scopes", column(accounts, ImportedAccount::scope))
                .bind("createdAt", column(accounts, account -> text(account.createdAt())))
                .bind("updatedAt", column(accounts, account -> text(account.updatedAt()))));
    }

    @Override
    public Mono<Written> writeSecondFactors(List<ImportedSecondFactor> factors, boolean dryRun) {
        return upserted(factors.size(), dryRun, """
                unnest(CAST(:userIds AS text[]), CAST(:secrets AS text[]), CAST(:backupCodes AS text[]),
                       CAST(:enforced AS boolean[]), CAST(:createdAt AS timestamptz[]), CAST(:digests AS text[]))
                AS t(user_id, secret, codes, enforced, created_at, digest)""",
                "EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)", """
                INSERT INTO second_factors (user_id, totp_secret, backup_codes, enforced, created_at, imported_digest,
                                            totp_verified)
                SELECT t.*, t.enforced FROM t WHERE %s
                ON CONFLICT (user_id) DO UPDATE SET totp_secret = EXCLUDED.totp_secret,
                  backup_codes = EXCLUDED.backup_codes, enforced = EXCLUDED.enforced,
                  imported_digest = EXCLUDED.imported_digest, totp_verified = EXCLUDED.totp_verified,
                  last_accepted_step = NULL
                WHERE second_factors.imported_digest <> EXCLUDED.imported_digest""", statement -> statement
                .bind("userIds", column(factors, ImportedSecondFactor::userId))
                .bind("secrets", column(factors, ImportedSecondFactor::totpSecret))
                .bind("backupCodes", column(factors, ImportedSecondFactor::backupCodes))
                .bind("enforced", column(factors, factor -> String.valueOf(factor.enforced())))
                .bind("createdAt", column(factors, factor -> text(factor.createdAt())))
                .bind("digests", column(factors, ImportedSecondFactor::sourceDigest)));
    }

    @Override
    public Mono<Written> writePasskeys(List<Passkey> passkeys, boolean dryRun) {
        return upserted(passkeys.size(), dryRun, """
                unnest(CAST(:ids AS text[]), CAST(:userIds AS text[]), CAST(:names AS text[]),
                       CAST(:publicKeys AS text[]), CAST(:credentialIds AS text[]), CAST(:counters AS bigint[]),
                       CAST(:deviceTypes AS text[]), CAST(:backedUp AS boolean[]), CAST(:transports AS text[]),
                       CAST(:aaguids AS text[]), CAST(:createdAt AS timestamptz[]))
                AS t(id, user_id, name, public_key, credential_id, counter, device_type, backed_up, transports,
                     aaguid, created_at)""", """
                EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)
                AND NOT EXISTS (SELECT 1 FROM passkeys o WHERE o.credential_id = t.credential_id AND o.id <> t.id)""",
                """
                INSERT INTO passkeys (id, user_id, name, public_key, credential_id, counter, device_type, backed_up,
                                      transports, aaguid, created_at)
                SELECT t.* FROM t WHERE %s
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
                  counter = GREATEST(passkeys.counter, EXCLUDED.counter), backed_up = EXCLUDED.backed_up
                WHERE (passkeys.name, passkeys.counter, passkeys.backed_up)
                      IS DISTINCT FROM (EXCLUDED.name, GREATEST(passkeys.counter, EXCLUDED.counter), EXCLUDED.backed_up)""",
                statement -> statement
                .bind("ids", column(passkeys, Passkey::id))
                .bind("userIds", column(passkeys, Passkey::userId))
                .bind("names", column(passkeys, Passkey::name))
                .bind("publicKeys", column(passkeys, Passkey::publicKey))
                .bind("credentialIds", column(passkeys, Passkey::credentialId))
                .bind("counters", column(passkeys, passkey -> String.valueOf(passkey.counter())))
                .bind("deviceTypes", column(passkeys, Passkey::deviceType))
                .bind("backedUp", column(passkeys, passkey -> String.valueOf(passkey.backedUp())))
                .bind("transports", column(passkeys, Passkey::transports))
                .bind("aaguids", column(passkeys, Passkey::aaguid))
                .bind("createdAt", column(passkeys, passkey -> text(passkey.createdAt()))));
    }

    @Override
    public Mono<Written> publishKeys(List<ImportedKey> keys, boolean dryRun) {
        return upserted(keys.size(), dryRun, """
                unnest(CAST(:kids AS text[]), CAST(:jwks AS text[]), CAST(:until AS timestamptz[]))
                AS t(kid, jwk, until)""", "TRUE", """
                INSERT INTO imported_signing_keys (kid, public_jwk, published_until)
                SELECT t.* FROM t WHERE %s
                ON CONFLICT (kid) DO UPDATE SET public_jwk = EXCLUDED.public_jwk,
                  published_until = GREATEST(imported_signing_keys.published_until, EXCLUDED.published_until)""",
                statement -> statement
                .bind("kids", column(keys, ImportedKey::kid))
                .bind("jwks", column(keys, ImportedKey::publicJwk))
                .bind("until", column(keys, key -> text(key.publishedUntil()))));
    }

    @Override
    public Mono<Long> usersOnImportedPasswordHashes() {
        return client.sql("SELECT COUNT(*) AS waiting FROM accounts WHERE provider_id = 'credential'"
                        + " AND password_hash LIKE :prefix")
                .bind("prefix", BetterAuthPasswordHash.PHC_PREFIX + "%")
                .map(row -> row.get("waiting", Long.class))
                .one();
    }

    /**
     * Upserts the rows the condition accepts and counts, in the same statement, those it created,
     * those it changed and those it could not take; rows the upsert left as they were count in none.
     *
     * @param upsert an INSERT reading {@code t}, with {@code %s} for the condition, and no RETURNING
     */
    private Mono<Written> upserted(int pageSize, boolean dryRun, String rows, String importable, String upsert,
                                   UnaryOperator<GenericExecuteSpec> binding) {
        if (pageSize == 0) {
            return Mono.just(new Written(0, 0, 0));
        }
        String sql = "WITH t AS (SELECT * FROM " + rows + "), written AS (" + upsert.formatted(importable)
                + " RETURNING (xmax = 0) AS created) SELECT COUNT(*) FILTER (WHERE created) AS created,"
                + " COUNT(*) FILTER (WHERE NOT created) AS changed,"
                + " (SELECT COUNT(*) FROM t WHERE NOT (" + importable + ")) AS skipped FROM written";
        return inOneTransaction(dryRun, binding.apply(client.sql(sql))
                .map(row -> new Written(row.get("created", Long.class).intValue(),
                        row.get("changed", Long.class).intValue(), row.get("skipped", Long.class).intValue()))
                .one());
    }

    private <T> Mono<T> inOneTransaction(boolean dryRun, Mono<T> work) {
        return transactions.execute(status -> {
            if (dryRun) {
                status.setRollbackOnly();
            }
            return work;
        }).single();
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        List<String> values = new ArrayList<>(rows.size());
        for (T row : rows) {
            values.add(value.apply(row));
        }
        return values.toArray(String[]::new);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

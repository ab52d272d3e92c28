package dev.momentum.auth.adapter.persistence;

import static dev.momentum.auth.adapter.persistence.BetterAuthTables.quoted;

import dev.momentum.auth.application.migration.port.out.BetterAuthSource;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * better-auth's tables in PostgreSQL, read with SELECTs only, whatever the type of their ids (text,
 * uuid or serial), which are handed on as text. Timestamps are {@code timestamptz} from
 * better-auth's migrator and {@code timestamp(3)} in UTC from Prisma.
 */
public final class BetterAuthSourcePersistenceAdapter implements BetterAuthSource {

    private static final String CREDENTIAL_PROVIDER = "credential";

    private final DatabaseClient client;
    private final BetterAuthTables tables;
    private volatile Map<String, Map<String, String>> columns = Map.of();

    public BetterAuthSourcePersistenceAdapter(Database database, BetterAuthTables tables) {
        this.client = DatabaseClient.create(Objects.requireNonNull(database, "database cannot be null")
                .connectionFactory());
        this.tables = Objects.requireNonNull(tables, "tables cannot be null");
    }

    @Override
    public Mono<Shape> inspect() {
        return client.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = ANY(:tables)""")
                .bind("tables", tables.byModel().values().toArray(String[]::new))
                .map(row -> new String[] {row.get("table_name", String.class), row.get("column_name", String.class),
                        row.get("data_type", String.class)})
                .all()
                .collect(HashMap<String, Map<String, String>>::new,
                        (found, column) -> found.computeIfAbsent(column[0], table -> new HashMap<>())
                                .put(column[1], column[2]))
                .map(found -> {
                    Shape shape = tables.shapeOf(found);
                    columns = Map.copyOf(found);
                    return shape;
                });
    }

    @Override
    public Flux<List<User>> users(int pageSize) {
        String twoFactorEnabled = has(tables.user(), "twoFactorEnabled")
                ? "COALESCE(u.\"twoFactorEnabled\", FALSE)" : "FALSE";
        return pages("""
                SELECT u.id::text AS key, u.name, u.email, u."emailVerified", u.image, u."createdAt", u."updatedAt",
                       %s AS two_factor_enabled, c.id::text AS credential_id, c.password
                FROM %s u LEFT JOIN LATERAL (
                    SELECT a.id, a.password FROM %s a WHERE a."userId" = u.id AND a."providerId" = '%s'
                    ORDER BY a."createdAt" LIMIT 1) c ON TRUE
                WHERE TRUE %%AFTER%% ORDER BY u.id LIMIT :size"""
                .formatted(twoFactorEnabled, quoted(tables.user()), quoted(tables.account()), CREDENTIAL_PROVIDER),
                "u", tables.user(), pageSize, row -> new User(row.get("key", String.class), row.get("name", String.class),
                        row.get("email", String.class), Boolean.TRUE.equals(row.get("emailVerified", Boolean.class)),
                        row.get("image", String.class), instant(row, "createdAt"), instant(row, "updatedAt"),
                        Boolean.TRUE.equals(row.get("two_factor_enabled", Boolean.class)),
                        row.get("credential_id", String.class), row.get("password", String.class)),
                User::id);
    }

    @Override
    public Flux<String> emailsDifferingOnlyInCase() {
        return client.sql("SELECT LOWER(email) AS email FROM %s GROUP BY LOWER(email) HAVING COUNT(*) > 1"
                        .formatted(quoted(tables.user())))
                .map(row -> row.get("email", String.class))
                .all();
    }

    @Override
    public Flux<List<Session>> sessions(int pageSize) {
        return pages("""
                SELECT s.id::text AS key, s.token, s."userId"::text AS user_id, s."createdAt", s."updatedAt",
                       s."expiresAt", s."ipAddress", s."userAgent"
                FROM %s s WHERE TRUE %%AFTER%% ORDER BY s.id LIMIT :size"""
                .formatted(quoted(tables.session())),
                "s", tables.session(), pageSize, row -> new Session(row.get("key", String.class), row.get("token", String.class),
                        row.get("user_id", String.class), instant(row, "createdAt"), instant(row, "updatedAt"),
                        instant(row, "expiresAt"), row.get("ipAddress", String.class),
                        row.get("userAgent", String.class)),
                Session::id);
    }

    @Override
    public Flux<List<Account>> otherAccounts(int pageSize) {
        return pages("""
                SELECT a.id::text AS key, a."userId"::text AS user_id, a."providerId", a."accountId", a."accessToken",
                       a."refreshToken", a."idToken", a."accessTokenExpiresAt", a."refreshTokenExpiresAt", a.scope,
                       a."createdAt", a."updatedAt"
                FROM %s a WHERE a."providerId" <> '%s' %%AFTER%% ORDER BY a.id LIMIT :size"""
                .formatted(quoted(tables.account()), CREDENTIAL_PROVIDER),
                "a", tables.account(), pageSize, row -> new Account(row.get("key", String.class), row.get("user_id", String.class),
                        row.get("providerId", String.class), row.get("accountId", String.class),
                        row.get("accessToken", String.class), row.get("refreshToken", String.class),
                        row.get("idToken", String.class), instant(row, "accessTokenExpiresAt"),
                        instant(row, "refreshTokenExpiresAt"), row.get("scope", String.class),
                        instant(row, "createdAt"), instant(row, "updatedAt")),
                Account::id);
    }

    @Override
    public Flux<List<SecondFactor>> secondFactors(int pageSize) {
        String enabled = has(tables.user(), "twoFactorEnabled") ? "COALESCE(u.\"twoFactorEnabled\", FALSE)" : "FALSE";
        String verified = has(tables.twoFactor(), "verified") ? "COALESCE(f.verified, TRUE)" : "TRUE";
        return pages("""
                SELECT DISTINCT ON (u.id) u.id::text AS key, f.secret, f."backupCodes",
                       %1$s AND (f.id IS NULL OR %2$s) AS enforced
                FROM %3$s u LEFT JOIN %4$s f ON f."userId" = u.id
                WHERE (%1$s OR f.id IS NOT NULL) %%AFTER%%
                ORDER BY u.id, f.id LIMIT :size"""
                .formatted(enabled, verified, quoted(tables.user()), quoted(tables.twoFactor())),
                "u", tables.user(), pageSize, row -> new SecondFactor(row.get("key", String.class), row.get("secret", String.class),
                        row.get("backupCodes", String.class), Boolean.TRUE.equals(row.get("enforced", Boolean.class))),
                SecondFactor::userId);
    }

    @Override
    public Flux<List<Passkey>> passkeys(int pageSize) {
        String aaguid = has(tables.passkey(), "aaguid") ? "p.aaguid" : "NULL";
        return pages("""
                SELECT p.id::text AS key, p."userId"::text AS user_id, p.name, p."publicKey", p."credentialID",
                       p.counter, p."deviceType", p."backedUp", p.transports, %s AS aaguid, p."createdAt"
                FROM %s p WHERE TRUE %%AFTER%% ORDER BY p.id LIMIT :size"""
                .formatted(aaguid, quoted(tables.passkey())),
                "p", tables.passkey(), pageSize, row -> new Passkey(row.get("key", String.class), row.get("user_id", String.class),
                        row.get("name", String.class), row.get("publicKey", String.class),
                        row.get("credentialID", String.class), row.get("counter", Number.class).longValue(),
                        row.get("deviceType", String.class), Boolean.TRUE.equals(row.get("backedUp", Boolean.class)),
                        row.get("transports", String.class), row.get("aaguid", String.class),
                        instant(row, "createdAt")),
                Passkey::id);
    }

    @Override
    public Flux<SigningKey> signingKeys() {
        String alg = has(tables.jwks(), "alg") ? "k.alg" : "NULL";
        String crv = has(tables.jwks(), "crv") ? "k.crv" : "NULL";
        return client.sql("SELECT k.id::text AS key, k.\"publicKey\", %s AS alg, %s AS crv, k.\"createdAt\" FROM %s k"
                        .formatted(alg, crv, quoted(tables.jwks())))
                .map(row -> new SigningKey(row.get("key", String.class), row.get("publicKey", String.class),
                        row.get("alg", String.class), row.get("crv", String.class), instant(row, "createdAt")))
                .all();
    }

    @Override
    public Mono<Long> verificationRows() {
        return client.sql("SELECT COUNT(*) AS rows FROM " + quoted(tables.verification()))
                .map(row -> row.get("rows", Long.class))
                .one();
    }

    private boolean has(String table, String column) {
        return columns.getOrDefault(table, Map.of()).containsKey(column);
    }

    /**
     * Pages of at most {@code size} rows in the order of the table's primary key, which its index
     * serves: each page is read by its own query, after the last key of the one before, compared in
     * the id's own type (text, uuid or a number).
     *
     * @param sql with {@code %AFTER%} where the condition on the key goes
     */
    private <T> Flux<List<T>> pages(String sql, String alias, String table, int size, Function<Readable, T> reader,
                                    Function<T, String> keyOf) {
        String first = sql.replace("%AFTER%", "");
        String next = sql.replace("%AFTER%", "AND " + alias + ".id > CAST(:after AS " + idType(table) + ")");
        return page(first, null, size, reader)
                .expand(rows -> rows.size() < size ? Mono.empty() : page(next, keyOf.apply(rows.getLast()), size, reader))
                .filter(rows -> !rows.isEmpty());
    }

    private <T> Mono<List<T>> page(String sql, String after, int size, Function<Readable, T> reader) {
        var statement = client.sql(sql).bind("size", size);
        return (after == null ? statement : statement.bind("after", after)).map(reader::apply).all().collectList();
    }

    private String idType(String table) {
        return columns.get(table).get("id");
    }

    @Override
    public Flux<String> sessionsAmong(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return client.sql("SELECT s.id::text AS key FROM %s s WHERE s.id = ANY(CAST(:ids AS %s[]))"
                        .formatted(quoted(tables.session()), idType(tables.session())))
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> row.get("key", String.class))
                .all();
    }

    /** timestamptz (better-auth's migrator) or timestamp(3) holding UTC (Prisma). */
    private static Instant instant(Readable row, String column) {
        return switch (row.get(column)) {
            case null -> null;
            case OffsetDateTime withZone -> withZone.toInstant();
            case LocalDateTime utc -> utc.toInstant(ZoneOffset.UTC);
            case Instant instant -> instant;
            case Object other -> throw new IllegalStateException("column " + column + " holds " + other.getClass());
        };
    }
}

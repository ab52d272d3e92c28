package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.adapter.crypto.AesGcmSecretSealer;
import dev.momentum.auth.adapter.crypto.JsonBackupCodesFormat;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult.TableResult;
import dev.momentum.auth.application.migration.port.out.BetterAuthSchemaException;
import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.bootstrap.config.ServiceSettings;
import dev.momentum.auth.bootstrap.migration.BetterAuthImport;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A team switches from better-auth: a real better-auth 1.7 server on PostgreSQL makes the data
 * (better-auth-fixture.mjs), the import takes it over in the shared database, and better-auth's own
 * client, jose and PyJWT then use what people held before the switch against this service. The
 * tests in order change better-auth's tables as the old service would between two runs; the others
 * each work on a database of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BetterAuthImportIT {

    static final String SECRET = "better-auth-secret-0123456789-abcdefghijk";
    static final Path PYTHON_VERIFIER = Path.of("..", "e2e", "python-backend", "verify_jwt.py").toAbsolutePath()
            .normalize();

    static DatabaseUrl database;
    static Path fixtureFile;
    static JsonNode fixture;
    static RunningService service;

    @BeforeAll
    static void switchFromBetterAuth() throws Exception {
        NodeScripts.requireInstalled();
        database = TestPostgres.freshDatabase();
        var made = NodeScripts.node("better-auth-fixture.mjs", 180, RunningService.databaseUrlOf(database), SECRET);
        assertThat(made.exitCode()).as(made.output()).isZero();
        String json = made.output().lines().filter(line -> line.startsWith("{")).reduce((first, last) -> last)
                .orElseThrow();
        fixtureFile = Files.createTempFile("better-auth-fixture", ".json");
        Files.writeString(fixtureFile, json);
        fixture = new ObjectMapper().readTree(json);

        BetterAuthImportResult imported = importFrom(database, false);

        assertThat(imported.flavour()).isEqualTo("kysely");
        assertThat(imported.tables().get("user")).isEqualTo(new TableResult(4, 4, 0, 0, 0));
        assertThat(imported.tables().get("session")).isEqualTo(new TableResult(4, 4, 0, 0, 0));
        assertThat(imported.tables().get("twoFactor").created()).isEqualTo(1);
        assertThat(imported.tables().get("jwks").created()).isEqualTo(1);
        assertThat(imported.usersWithSecondFactors()).isEqualTo(1);
        assertThat(imported.usersOnImportedPasswordHashes()).isEqualTo(4);
        assertThat(imported.conflicts()).isEmpty();
        assertThat(imported.verificationRowsLeftBehind()).isPositive()
                .isEqualTo(Rows.count(database, "SELECT COUNT(*) FROM verification WHERE id <> ?", ""));
        service = RunningService.start(environment(database));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static Map<String, String> environment(DatabaseUrl target, String... moreNamesAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", RunningService.databaseUrlOf(target),
                "AUTH_SECRET", SECRET, "BETTER_AUTH_IMPORT_PAGE_SIZE", "2"));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            env.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return env;
    }

    static BetterAuthImportResult importFrom(DatabaseUrl target, boolean dryRun, String... moreNamesAndValues) {
        Map<String, String> env = environment(target, moreNamesAndValues);
        return BetterAuthImport.importOnce(ServiceSettings.from(env::get), env::get, dryRun);
    }

    static JsonNode person(String email) {
        for (JsonNode person : fixture.get("people")) {
            if (person.get("email").asString().equals(email)) {
                return person;
            }
        }
        throw new IllegalArgumentException(email);
    }

    @Test
    @Order(1)
    void betterAuthsClientKeepsItsSessionsPasswordsAndSecondFactorsAcrossTheSwitch() throws Exception {
        var flow = NodeScripts.node("imported-flow.mjs", 120, service.baseUrl() + "/api/auth", RunningService.FRONTEND,
                fixtureFile.toString());

        assertThat(flow.output()).contains("16 passed, 0 failed");
        assertThat(flow.exitCode()).as(flow.output()).isZero();
        String adaId = person("ada@example.com").get("id").asString();
        assertThat(Rows.text(database, "SELECT password_hash FROM accounts WHERE user_id = '" + adaId + "'"))
                .as("the first sign-in replaced better-auth's scrypt hash").startsWith("$argon2id$");
        assertThat(Rows.text(database, "SELECT string_agg(id, ',' ORDER BY id) FROM users"))
                .isEqualTo(fixture.get("people").valueStream().map(person -> person.get("id").asString()).sorted()
                        .reduce((left, right) -> left + "," + right).orElseThrow());
    }

    @Test
    @Order(2)
    void aJwtBetterAuthSignedBeforeTheSwitchVerifiesThroughOurJwksWithJoseAndPyJwt() throws Exception {
        String issuer = fixture.get("issuer").asString();
        String before = fixture.get("jwt").asString();
        String jwks = service.baseUrl() + "/api/auth/jwks";
        String adaId = person("ada@example.com").get("id").asString();
        String tampered = before.substring(0, before.length() - 4) + (before.endsWith("AAAA") ? "BBBB" : "AAAA");

        var jose = NodeScripts.node("verify-jwt.mjs", 60, jwks, issuer, issuer, before, tampered);
        assertThat(jose.output().lines().toList()).as(jose.output())
                .containsExactly("valid " + adaId, "invalid ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

        assertThat(python(jwks, issuer, issuer, before, tampered))
                .containsExactly("valid " + adaId, "invalid InvalidSignatureError");
        String ours = SignedIn.in(service, "grace@example.com", person("grace@example.com").get("password").asString())
                .jwt(service);
        assertThat(python(jwks, service.baseUrl(), service.baseUrl(), ours))
                .containsExactly("valid " + person("grace@example.com").get("id").asString());
    }

    /** PyJWT from Debian's python3-jwt, as a FastAPI backend verifies: required in CI, skipped elsewhere without it. */
    static List<String> python(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", PYTHON_VERIFIER.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException noPython) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null, "no /usr/bin/python3");
            throw noPython;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (System.getenv("CI") == null) {
            org.junit.jupiter.api.Assumptions.assumeFalse(output.contains("No module named"), output);
        }
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothing() throws Exception {
        String before = snapshot(database);

        BetterAuthImportResult again = importFrom(database, false);

        assertThat(snapshot(database)).isEqualTo(before);
        assertThat(again.tables().get("user")).isEqualTo(new TableResult(4, 0, 0, 0, 0));
        assertThat(again.tables().get("session")).isEqualTo(new TableResult(4, 0, 0, 0, 0));
        assertThat(again.tables().get("twoFactor")).isEqualTo(new TableResult(1, 0, 0, 0, 0));
    }

    @Test
    @Order(4)
    void aDryRunReportsWhatItWouldDoAndChangesNothing() throws Exception {
        copyUser(database, "newcomer-0000000000000000000001", "newcomer@example.com", "ada@example.com");
        String before = snapshot(database);

        BetterAuthImportResult dry = importFrom(database, true);

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.tables().get("user")).isEqualTo(new TableResult(5, 1, 0, 0, 0));
        assertThat(snapshot(database)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aRunAfterChangesInTheOldServiceBringsOverNewUsersNamesPasswordsAndEndedSessions() throws Exception {
        JsonNode ada = person("ada@example.com");
        String endedSession = ada.get("sessions").get(0).get("id").asString();
        Rows.update(database, "UPDATE \"user\" SET name = 'Grace Brewster Hopper', \"updatedAt\" = now() WHERE email = ?",
                "grace@example.com");
        Rows.update(database, "UPDATE account SET password = (SELECT a.password FROM account a JOIN \"user\" u"
                + " ON u.id = a.\"userId\" WHERE u.email = 'ada@example.com') WHERE \"userId\" = ?",
                person("edsger@example.com").get("id").asString());
        Rows.update(database, "DELETE FROM session WHERE id = ?", endedSession);
        String adaHashBefore = Rows.text(database, "SELECT password_hash FROM accounts WHERE user_id = '"
                + ada.get("id").asString() + "'");

        BetterAuthImportResult changes = importFrom(database, false);

        assertThat(changes.tables().get("user")).isEqualTo(new TableResult(5, 1, 2, 0, 0));
        assertThat(changes.tables().get("session").removed()).isEqualTo(1);
        assertThat(Rows.text(database, "SELECT name FROM users WHERE id = 'newcomer-0000000000000000000001'"))
                .isEqualTo("Newcomer");
        assertThat(Rows.text(database, "SELECT name FROM users WHERE email = 'grace@example.com'"))
                .isEqualTo("Grace Brewster Hopper");
        assertThat(Rows.text(database, "SELECT password_hash FROM accounts WHERE user_id = '"
                + ada.get("id").asString() + "'")).as("a hash re-made here is kept: better-auth's did not change")
                .isEqualTo(adaHashBefore);
        assertThat(SignedIn.in(service, "edsger@example.com", ada.get("password").asString()).bearer()).isNotBlank();
        assertThat(getSession(ada.get("sessions").get(0).get("cookie").asString())).isEqualTo("null");
        assertThat(getSession(ada.get("sessions").get(1).get("cookie").asString())).contains(ada.get("id").asString());
    }

    private static String getSession(String betterAuthCookie) {
        return service.client().get().uri("/api/auth/get-session")
                .header(HttpHeaders.COOKIE, "better-auth.session_token=" + betterAuthCookie)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                .reduce(String::concat).block();
    }

    @Test
    void killedMidwayTheNextRunCompletesItWithoutDuplicates() throws Exception {
        DatabaseUrl source = prismaDatabase();
        Rows.update(source, """
                INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
                SELECT 'user-' || lpad(n::text, 6, '0'), 'Person ' || n, 'person' || n || '@example.com', true, now(), now()
                FROM generate_series(1, 1000) n""");
        Rows.update(source, """
                INSERT INTO session (id, token, "userId", "expiresAt", "createdAt", "updatedAt")
                SELECT 'session-' || n, 'token-' || n, 'user-' || lpad(n::text, 6, '0'), now() + interval '7 days',
                       now(), now()
                FROM generate_series(1, 1000) n""");
        DatabaseUrl target = TestPostgres.freshDatabase();
        Map<String, String> env = environment(target, "BETTER_AUTH_DATABASE_URL", RunningService.databaseUrlOf(source),
                "BETTER_AUTH_IMPORT_PAGE_SIZE", "1");

        Process importer = startImportProcess(env);
        try (var output = new BufferedReader(new InputStreamReader(importer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains("user: 100 read")) {
                // progress lines, one a page of one user, until a tenth of the users are in
            }
            importer.destroyForcibly();
        }
        assertThat(importer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long afterTheKill = Rows.count(target, "SELECT COUNT(*) FROM users WHERE id LIKE ?", "user-%");
        assertThat(afterTheKill).as("killed midway").isBetween(100L, 999L);

        BetterAuthImportResult finished = BetterAuthImport.importOnce(ServiceSettings.from(env::get), env::get, false);

        assertThat(finished.tables().get("user").created()).isEqualTo(1000 - afterTheKill);
        assertThat(Rows.count(target, "SELECT COUNT(DISTINCT email) FROM users WHERE id LIKE ?", "user-%"))
                .isEqualTo(1000);
        assertThat(Rows.count(target, "SELECT COUNT(*) FROM better_auth_imports WHERE user_id LIKE ?", "user-%"))
                .isEqualTo(1000);
        assertThat(Rows.count(target, "SELECT COUNT(*) FROM sessions WHERE imported AND id LIKE ?", "session-%"))
                .isEqualTo(1000);
        assertThat(Rows.text(target, "SELECT token_hash FROM sessions WHERE id = 'session-42'"))
                .isEqualTo(TokenHash.of("token-42").hex());
    }

    /** The service's own jar, as the container's entrypoint runs it, so that it can be killed like a process. */
    private static Process startImportProcess(Map<String, String> env) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target", "auth-service.jar").toString(),
                "migrate", "--from-better-auth").redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void anUnknownShapeIsRefusedWithOneLineNamingWhatIsMissingAndNothingIsWritten() throws Exception {
        DatabaseUrl source = prismaDatabase();
        Rows.update(source, "ALTER TABLE session DROP COLUMN token");
        Rows.update(source, "INSERT INTO \"user\" (id, name, email, \"updatedAt\") VALUES ('u1', 'U', 'u@example.com', now())");
        DatabaseUrl target = TestPostgres.freshDatabase();
        Map<String, String> env = environment(target, "BETTER_AUTH_DATABASE_URL", RunningService.databaseUrlOf(source));

        assertThatThrownBy(() -> BetterAuthImport.importOnce(ServiceSettings.from(env::get), env::get, false))
                .isInstanceOf(BetterAuthSchemaException.class)
                .hasMessage("better-auth table \"session\" has no column \"token\"");
        assertThat(BetterAuthImport.run(ServiceSettings.from(env::get), env::get, false)).isEqualTo(4);
        assertThat(Rows.count(target, "SELECT COUNT(*) FROM users WHERE id <> ?", "")).isZero();
    }

    /** Also with the user table renamed, as better-auth's modelName option does, and named in BETTER_AUTH_TABLES. */
    @Test
    void addressesThatDifferOnlyInCaseAreReportedAndNeitherIsImported() throws Exception {
        DatabaseUrl source = prismaDatabase();
        Rows.update(source, "ALTER TABLE \"user\" RENAME TO app_users");
        Rows.update(source, """
                INSERT INTO app_users (id, name, email, "emailVerified", "updatedAt") VALUES
                  ('upper', 'Upper', 'Mixed@Example.com', true, now()),
                  ('lower', 'Lower', 'mixed@example.com', true, now()),
                  ('plain', 'Plain', 'plain@example.com', true, now())""");
        DatabaseUrl target = TestPostgres.freshDatabase();

        BetterAuthImportResult imported = importFrom(target, false, "BETTER_AUTH_DATABASE_URL",
                RunningService.databaseUrlOf(source), "BETTER_AUTH_TABLES", "user=app_users");

        assertThat(imported.tables().get("user")).isEqualTo(new TableResult(3, 1, 0, 0, 2));
        assertThat(imported.conflicts()).containsExactlyInAnyOrder(
                "user lower: its address differs only in case from another user's; neither is imported",
                "user upper: its address differs only in case from another user's; neither is imported");
        assertThat(Rows.text(target, "SELECT string_agg(id, ',') FROM users")).isEqualTo("plain");
    }

    @Test
    void prismasTablesImportAsBetterAuthsMigratorsDoFromASeparateDatabase() throws Exception {
        DatabaseUrl source = prismaDatabase();
        copyTable(database, source, "\"user\"", "id, name, email, \"emailVerified\", image, \"createdAt\", \"updatedAt\","
                + " \"twoFactorEnabled\"", "WHERE email <> 'newcomer@example.com'");
        copyTable(database, source, "session", "id, \"expiresAt\", token, \"createdAt\", \"updatedAt\", \"ipAddress\","
                + " \"userAgent\", \"userId\"", "");
        copyTable(database, source, "account", "id, \"accountId\", \"providerId\", \"userId\", password, \"createdAt\","
                + " \"updatedAt\"", "WHERE \"userId\" <> 'newcomer-0000000000000000000001'");
        copyTable(database, source, "jwks", "id, \"publicKey\", \"privateKey\", \"createdAt\", alg, crv", "");
        copyTable(database, source, "\"twoFactor\"", "id, secret, \"backupCodes\", \"userId\", verified", "");
        String adaId = person("ada@example.com").get("id").asString();
        String graceId = person("grace@example.com").get("id").asString();
        Rows.update(source, "INSERT INTO account (id, issuer, \"accountId\", \"providerId\", \"userId\","
                + " \"accessToken\", \"refreshToken\", scope, \"createdAt\", \"updatedAt\") VALUES ('gh1',"
                + " 'local:oauth:github', '583231', 'github', ?, 'gho_access', 'ghr_refresh', 'read:user', now(), now())",
                graceId);
        Rows.update(source, "INSERT INTO passkey (id, name, \"publicKey\", \"userId\", \"credentialID\", counter,"
                + " \"deviceType\", \"backedUp\", transports, \"createdAt\") VALUES ('pk1', 'Laptop',"
                + " 'pQECAyYgASFYIA', ?, 'Y3JlZGVudGlhbA', 7, 'multiDevice', true, 'internal,hybrid', now())", adaId);
        DatabaseUrl target = TestPostgres.freshDatabase();

        BetterAuthImportResult imported = importFrom(target, false, "BETTER_AUTH_DATABASE_URL",
                RunningService.databaseUrlOf(source));

        assertThat(imported.flavour()).isEqualTo("prisma");
        assertThat(imported.conflicts()).isEmpty();
        assertThat(imported.tables().get("passkey")).isEqualTo(new TableResult(1, 1, 0, 0, 0));
        assertThat(imported.tables().get("account (other providers)")).isEqualTo(new TableResult(1, 1, 0, 0, 0));
        var sealer = new AesGcmSecretSealer(SECRET, BetterAuthImport.SEALING_PURPOSE);
        assertThat(Rows.text(target, "SELECT concat_ws('|', user_id, provider_id, account_id, scope, refresh_token IS NOT NULL)"
                + " FROM accounts WHERE id = 'gh1'")).isEqualTo(graceId + "|github|583231|read:user|t");
        assertThat(new String(sealer.open("better-auth account access gh1",
                Rows.text(target, "SELECT access_token FROM accounts WHERE id = 'gh1'")), StandardCharsets.UTF_8))
                .as("the provider's token, sealed under our key").isEqualTo("gho_access");
        String sameRows = """
                SELECT string_agg(concat_ws('|', id, name, email, email_verified, created_at), ',' ORDER BY id)
                FROM users WHERE id <> 'newcomer-0000000000000000000001'""";
        assertThat(Rows.text(target, sameRows)).isEqualTo(Rows.text(database, sameRows));
        String sameSessions = "SELECT string_agg(concat_ws('|', id, token_hash, user_id, expires_at), ',' ORDER BY id)"
                + " FROM sessions WHERE imported";
        assertThat(Rows.text(target, sameSessions)).isEqualTo(Rows.text(database, sameSessions));
        assertThat(Rows.text(target, "SELECT concat_ws('|', credential_id, public_key, counter, device_type, backed_up,"
                + " transports) FROM passkeys WHERE user_id = '" + adaId + "'"))
                .isEqualTo("Y3JlZGVudGlhbA|pQECAyYgASFYIA|7|multiDevice|t|internal,hybrid");
        String linusId = person("linus@example.com").get("id").asString();
        String sealed = Rows.text(target, "SELECT totp_secret FROM second_factors WHERE enforced AND totp_verified"
                + " AND last_accepted_step IS NULL AND user_id = '" + linusId + "'");
        assertThat(new String(sealer.open("better-auth totp secret " + linusId, sealed), StandardCharsets.UTF_8))
                .as("sealed under our key, it opens to the secret the authenticator app holds")
                .isEqualTo(person("linus@example.com").get("totpSecret").asString());
        List<String> shownAtEnrolment = new ArrayList<>();
        person("linus@example.com").get("backupCodes").forEach(code -> shownAtEnrolment.add(code.asString()));
        String sealedCodes = Rows.text(target, "SELECT backup_codes FROM second_factors WHERE user_id = '" + linusId + "'");
        assertThat(new FactorSecrets(sealer, new JsonBackupCodesFormat()).openCodes(new UserId(linusId), sealedCodes)
                .codes()).as("the backup codes better-auth showed linus open as the service reads them")
                .hasSize(10).containsExactlyElementsOf(shownAtEnrolment);
    }

    /** A database with better-auth's tables as Prisma makes them (src/test/resources/better-auth/prisma-schema.sql). */
    static DatabaseUrl prismaDatabase() throws Exception {
        DatabaseUrl source = TestPostgres.freshDatabase();
        String ddl = new String(BetterAuthImportIT.class.getResourceAsStream("/better-auth/prisma-schema.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        try (var connection = Rows.connect(source); var statement = connection.createStatement()) {
            statement.execute(ddl);
        }
        return source;
    }

    /** Copies rows as they are (timestamps as instants), as moving to Prisma's types would. */
    static void copyTable(DatabaseUrl from, DatabaseUrl to, String table, String columns, String where) throws Exception {
        try (var reading = Rows.connect(from); var writing = Rows.connect(to)) {
            writing.createStatement().execute("SET TIME ZONE 'UTC'");
            var rows = reading.createStatement().executeQuery("SELECT " + columns + " FROM " + table + " " + where);
            int count = rows.getMetaData().getColumnCount();
            String placeholders = String.join(", ", java.util.Collections.nCopies(count, "?"));
            var insert = writing.prepareStatement("INSERT INTO " + table + " (" + columns
                    + (table.equals("account") ? ", issuer" : "") + ") VALUES (" + placeholders
                    + (table.equals("account") ? ", 'local:credential'" : "") + ")");
            while (rows.next()) {
                for (int i = 1; i <= count; i++) {
                    Object value = rows.getObject(i);
                    if (value instanceof java.time.OffsetDateTime || value instanceof Timestamp) {
                        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant()
                                : ((java.time.OffsetDateTime) value).toInstant();
                        insert.setObject(i, java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
                    } else {
                        insert.setObject(i, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /** A copy of a better-auth user with another id and address, and the same password. */
    static void copyUser(DatabaseUrl at, String id, String email, String passwordOf) throws Exception {
        Rows.update(at, "INSERT INTO \"user\" (id, name, email, \"emailVerified\", \"createdAt\", \"updatedAt\")"
                + " VALUES (?, 'Newcomer', ?, true, now(), now())", id, email);
        Rows.update(at, "INSERT INTO account (id, \"accountId\", \"providerId\", \"userId\", password, \"createdAt\","
                + " \"updatedAt\") SELECT ?, ?, 'credential', ?, a.password, now(), now() FROM account a"
                + " JOIN \"user\" u ON u.id = a.\"userId\" WHERE u.email = '" + passwordOf + "'", id + "-cred", id, id);
    }

    /** What an import writes, minus what a run renews by design (publication times, sealing nonces of other rows). */
    static String snapshot(DatabaseUrl at) throws Exception {
        return String.join("\n",
                Rows.text(at, "SELECT string_agg(concat_ws('|', id, name, email, email_verified, image, created_at,"
                        + " updated_at), ',' ORDER BY id) FROM users"),
                Rows.text(at, "SELECT string_agg(concat_ws('|', id, user_id, provider_id, account_id, password_hash,"
                        + " updated_at), ',' ORDER BY id) FROM accounts"),
                Rows.text(at, "SELECT string_agg(concat_ws('|', id, token_hash, user_id, expires_at, updated_at, imported),"
                        + " ',' ORDER BY id) FROM sessions"),
                Rows.text(at, "SELECT string_agg(concat_ws('|', user_id, totp_secret, backup_codes, enforced),"
                        + " ',' ORDER BY user_id) FROM second_factors"),
                Rows.text(at, "SELECT string_agg(concat_ws('|', user_id, profile_digest, password_digest, imported_at),"
                        + " ',' ORDER BY user_id) FROM better_auth_imports"),
                Rows.text(at, "SELECT string_agg(concat_ws('|', kid, public_jwk), ',' ORDER BY kid)"
                        + " FROM imported_signing_keys"));
    }
}

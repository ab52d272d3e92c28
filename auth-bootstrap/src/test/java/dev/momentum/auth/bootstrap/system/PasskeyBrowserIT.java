package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult;
import dev.momentum.auth.bootstrap.config.ServiceSettings;
import dev.momentum.auth.bootstrap.migration.BetterAuthImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in a real browser ({@code e2e/passkey-browser}): Debian's Chromium, headless, driven by
 * puppeteer-core with the DevTools WebAuthn virtual authenticator, on a page that uses better-auth's
 * passkeyClient, against the running service on PostgreSQL; and a passkey registered at a real
 * better-auth server, imported, then used here. CI installs Chromium; without it a local run skips.
 */
class PasskeyBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private static final String SECRET = "better-auth-secret-0123456789-abcdefghijk";

    @Test
    void betterAuthsPasskeyClientRegistersSignsInWithAutofillRenamesAndDeletesInChromium() throws Exception {
        requireChromium();
        DatabaseUrl database = TestPostgres.freshDatabase();
        int pagePort = RunningService.freePort();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "FRONTEND_URL", "http://localhost:" + pagePort))) {
            SignedIn.as(service, database, "grace@example.com", "a passkey user's password 1");

            var flow = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "passkey-flow.mjs", 180,
                    service.baseUrl() + "/api/auth", String.valueOf(pagePort), "grace@example.com",
                    "a passkey user's password 1");

            assertPassed(flow);
        }
    }

    @Test
    void aPasskeyRegisteredAtBetterAuthSignsInHereAfterTheImport() throws Exception {
        requireChromium();
        DatabaseUrl database = TestPostgres.freshDatabase();
        var made = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "better-auth-passkey-fixture.mjs", 180,
                RunningService.databaseUrlOf(database), SECRET);
        assertThat(made.exitCode()).as(made.output()).isZero();
        Path fixture = Files.createTempFile("better-auth-passkey", ".json");
        Files.writeString(fixture, made.output().lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow());
        Map<String, String> env = Map.of("DATABASE_URL", RunningService.databaseUrlOf(database), "AUTH_SECRET", SECRET);

        BetterAuthImportResult imported = BetterAuthImport.importOnce(ServiceSettings.from(env::get), env::get, false);

        assertThat(imported.tables().get("passkey").created()).isEqualTo(1);
        int pagePort = RunningService.freePort();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "AUTH_SECRET", SECRET, "FRONTEND_URL", "http://localhost:" + pagePort))) {
            var flow = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "imported-passkey-flow.mjs", 180,
                    service.baseUrl() + "/api/auth", String.valueOf(pagePort), fixture.toString());
            assertPassed(flow);
        }
    }

    static void requireChromium() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        }
        NodeScripts.requireInstalled(NodeScripts.PASSKEY_BROWSER, "@better-auth/passkey");
    }

    static void assertPassed(NodeScripts.Result flow) {
        System.getLogger(PasskeyBrowserIT.class.getName()).log(System.Logger.Level.INFO, "passkeys in Chromium:\n{0}",
                flow.output());
        assertThat(flow.output()).doesNotContain("FAIL").containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(flow.exitCode()).isZero();
    }
}

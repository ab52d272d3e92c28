package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in a real browser ({@code e2e/passkey-browser/passkey-flow.mjs}): Debian's Chromium,
 * headless, driven by puppeteer-core with the DevTools WebAuthn virtual authenticator, on a page
 * that uses better-auth's passkeyClient, against the running service on PostgreSQL. CI installs
 * Chromium; without it a local run skips.
 */
class PasskeyBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @Test
    void betterAuthsPasskeyClientRegistersSignsInWithAutofillRenamesAndDeletesInChromium() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        }
        NodeScripts.requireInstalled(NodeScripts.PASSKEY_BROWSER, "@better-auth/passkey");
        DatabaseUrl database = TestPostgres.freshDatabase();
        int pagePort = RunningService.freePort();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "FRONTEND_URL", "http://localhost:" + pagePort))) {
            SignedIn.as(service, database, "grace@example.com", "a passkey user's password 1");

            var flow = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "passkey-flow.mjs", 180,
                    service.baseUrl() + "/api/auth", String.valueOf(pagePort), "grace@example.com",
                    "a passkey user's password 1");

            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "passkeys in Chromium:\n{0}",
                    flow.output());
            assertThat(flow.output()).doesNotContain("FAIL").containsPattern("(?m)^\\d+ passed, 0 failed$");
            assertThat(flow.exitCode()).isZero();
        }
    }
}

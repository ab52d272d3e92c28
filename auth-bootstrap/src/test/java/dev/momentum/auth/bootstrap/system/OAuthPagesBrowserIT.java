package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in sign-in and consent pages (ADR-0052) in Debian's Chromium, headless, through
 * puppeteer-core ({@code e2e/passkey-browser/oauth-pages-flow.mjs}), against the service on
 * PostgreSQL with no frontend configured, so the authorization endpoint sends the browser to them by
 * default. CI installs Chromium; without it a local run skips.
 */
class OAuthPagesBrowserIT {

    @Test
    void aClientsAuthorizationGoesThroughOurSignInAndConsentPagesInChromium() throws Exception {
        PasskeyBrowserIT.requireChromium();
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "FRONTEND_URL", ""))) {
            SignedIn.as(service, database, "ada@example.com", "a user of the built-in pages 1");

            var flow = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "oauth-pages-flow.mjs", 120,
                    service.baseUrl() + "/api/auth", "ada@example.com", "a user of the built-in pages 1",
                    String.valueOf(RunningService.freePort()));

            PasskeyBrowserIT.assertPassed(flow);
        }
    }
}

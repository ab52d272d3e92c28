package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The built-in sign-in and consent pages (ADR-0052) in Debian's Chromium, headless, through
 * puppeteer-core ({@code e2e/passkey-browser/oauth-pages-flow.mjs}), against the service on
 * PostgreSQL with no frontend configured, so the authorization endpoint sends the browser to them by
 * default; a user with an authenticator app passes the page's second step with a backup code. CI
 * installs Chromium; without it a local run skips.
 */
class OAuthPagesBrowserIT {

    @Test
    void aClientsAuthorizationGoesThroughOurSignInAndConsentPagesInChromium() throws Exception {
        PasskeyBrowserIT.requireChromium();
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "FRONTEND_URL", ""))) {
            SignedIn.as(service, database, "ada@example.com", "a user of the built-in pages 1");
            String backupCode = withAuthenticatorApp(service, SignedIn.as(service, database, "grace@example.com",
                    "a user of the built-in pages 2"), "a user of the built-in pages 2");

            var flow = NodeScripts.node(NodeScripts.PASSKEY_BROWSER, "oauth-pages-flow.mjs", 120,
                    service.baseUrl() + "/api/auth", "ada@example.com", "a user of the built-in pages 1",
                    String.valueOf(RunningService.freePort()), "grace@example.com", "a user of the built-in pages 2",
                    backupCode);

            PasskeyBrowserIT.assertPassed(flow);
        }
    }

    /** The user's second factor enrolled and verified, as an authenticator app would; one of its backup codes. */
    @SuppressWarnings("unchecked")
    private static String withAuthenticatorApp(RunningService service, SignedIn user, String password) {
        Map<String, Object> enabled = service.client().post().uri("/api/auth/two-factor/enable")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        service.client().post().uri("/api/auth/two-factor/verify-totp")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", AuthenticatorApp.scanning((String) enabled.get("totpURI")).code(0)))
                .exchange().expectStatus().isOk();
        return ((List<String>) enabled.get("backupCodes")).getFirst();
    }
}

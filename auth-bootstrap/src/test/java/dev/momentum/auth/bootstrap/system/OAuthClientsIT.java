package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.application.testing.LoopbackCertificate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization server (ADR-0051) against the clients people use, run from {@code e2e/mcp-oauth}
 * by Node against the service on PostgreSQL: the official MCP TypeScript SDK, both its client (OAuth
 * provider, dynamic registration, PKCE, resource indicators, refresh) and two MCP servers of its own
 * that verify our tokens with its bearer-auth middleware; and openid-client, an independent OpenID
 * Connect client. The browser's part is a signed-in user's cookie jar that accepts the consent.
 */
class OAuthClientsIT {

    private static final String PASSWORD = "an OAuth user's password 1";

    @BeforeAll
    static void nodePackages() throws Exception {
        NodeScripts.requireInstalled(NodeScripts.MCP_OAUTH, "@modelcontextprotocol/sdk");
    }

    @Test
    void theMcpSdksClientObtainsATokenForAUserAndCallsAnMcpServerThatOnlyItsResourceAccepts() throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        String resource = "http://127.0.0.1:" + RunningService.freePort() + "/mcp";
        String otherResource = "http://127.0.0.1:" + RunningService.freePort() + "/mcp";
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "OAUTH_RESOURCES", resource + "," + otherResource, "OAUTH_SCOPES", "mcp:tools"))) {
            SignedIn.as(service, database, "ada@example.com", PASSWORD);

            var flow = NodeScripts.node(NodeScripts.MCP_OAUTH, "mcp-flow.mjs", 120, service.baseUrl() + "/api/auth",
                    service.baseUrl(), resource, otherResource, "ada@example.com", PASSWORD);

            assertPassed(flow, 15);
            assertThat(Rows.text(database, "SELECT count(*) FROM oauth_refresh_tokens t JOIN oauth_grants g"
                    + " ON g.id = t.grant_id WHERE t.spent_at IS NULL AND g.revoked_at IS NOT NULL"))
                    .as("the rotated refresh token, unspent: its grant ended with the replay").isEqualTo("1");
            assertThat(Rows.text(database, "SELECT count(*) || ' of ' || (SELECT count(*) FROM oauth_grants)"
                    + " FROM oauth_grants WHERE revoked_at IS NOT NULL")).as("the replayed grant; not the narrow one")
                    .isEqualTo("1 of 2");
            assertThat(Rows.text(database, "SELECT count(*) FROM oauth_refresh_tokens WHERE length(token_hash) <> 64"))
                    .as("only hashes are stored").isEqualTo("0");
        }
    }

    /**
     * With registration closed, the SDK's client can only be known by its client ID metadata document
     * (ADR-0053), served over https on loopback: the service trusts its certificate as an operator
     * would trust a private authority (the JVM's trust store) and is allowed to fetch from 127.0.0.1
     * only, so 127.0.0.2 stands for the internal addresses it must not reach.
     */
    @Test
    void theMcpSdksClientIsKnownByItsClientIdMetadataDocumentInsteadOfRegistering(@TempDir Path directory)
            throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        String resource = "http://127.0.0.1:" + RunningService.freePort() + "/mcp";
        LoopbackCertificate certificate = LoopbackCertificate.createIn(directory);
        Map<String, String> trust = Map.of("javax.net.ssl.trustStore", certificate.keyStore().toString(),
                "javax.net.ssl.trustStorePassword", certificate.password(), "javax.net.ssl.trustStoreType", "PKCS12");
        trust.forEach(System::setProperty);
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "OAUTH_RESOURCES", resource, "OAUTH_SCOPES", "mcp:tools", "OAUTH_DYNAMIC_REGISTRATION", "closed",
                "OAUTH_FETCH_ALLOWED_NETWORKS", "127.0.0.1"))) {
            SignedIn.as(service, database, "ada@example.com", PASSWORD);

            var flow = NodeScripts.node(NodeScripts.MCP_OAUTH, "mcp-cimd-flow.mjs", 120, service.baseUrl() + "/api/auth",
                    service.baseUrl(), resource, "ada@example.com", PASSWORD, certificate.keyStore().toString(),
                    certificate.password(), "127.0.0.2:" + RunningService.freePort());

            assertPassed(flow, 9);
            assertThat(Rows.text(database, "SELECT string_agg(origin || ' ' || (secret_hash IS NULL), ',')"
                    + " FROM oauth_clients")).as("one client, kept from its document, without a secret")
                    .isEqualTo("METADATA_DOCUMENT true");
        } finally {
            trust.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void openidClientCompletesTheCodeFlowWithPkceIdTokenAndUserinfoThenEndsTheSession() throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL",
                RunningService.databaseUrlOf(database)))) {
            SignedIn.as(service, database, "grace@example.com", PASSWORD);

            var flow = NodeScripts.node(NodeScripts.MCP_OAUTH, "oidc-flow.mjs", 120, service.baseUrl() + "/api/auth",
                    service.baseUrl(), "grace@example.com", PASSWORD);

            assertPassed(flow, 17);
        }
    }

    /**
     * A frontend's own sign-in and consent pages on better-auth's client and its oauthProviderClient
     * plugin: the sign-in answers the authorization's continuation, as better-auth's server does.
     */
    @Test
    void aFrontendOnBetterAuthsOAuthProviderClientContinuesTheAuthorizationFromItsSignIn() throws Exception {
        NodeScripts.requireInstalled(NodeScripts.DIRECTORY, "@better-auth/oauth-provider");
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService service = RunningService.start(Map.of("DATABASE_URL",
                RunningService.databaseUrlOf(database)))) {
            SignedIn.as(service, database, "linus@example.com", PASSWORD);

            var flow = NodeScripts.node("oauth-provider-client-flow.mjs", 120, service.baseUrl() + "/api/auth",
                    RunningService.FRONTEND, "linus@example.com", PASSWORD);

            assertPassed(flow, 5);
        }
    }

    private static void assertPassed(NodeScripts.Result flow, int checks) {
        System.getLogger(OAuthClientsIT.class.getName()).log(System.Logger.Level.INFO, "OAuth clients:\n{0}",
                flow.output());
        assertThat(flow.output()).doesNotContain("FAIL").contains(checks + " passed, 0 failed");
        assertThat(flow.exitCode()).isZero();
    }
}

package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authorization server's metadata (RFC 8414, OpenID Connect Discovery) at every URL the MCP
 * revisions make clients probe for our issuer: at the root and under the API's base path, and with
 * the issuer's path inserted after {@code /.well-known/...} when it has one. One document serves all:
 * the OpenID fields are a superset that RFC 8414 clients ignore.
 */
@RestController
public final class OAuthMetadataController {

    /** As the JWKS: a new key is announced long before it signs (ADR-0016). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";
    private static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";

    private final Map<String, Object> metadata;
    private final String issuerPath;

    OAuthMetadataController(OAuthTermsQuery settings, TokenTermsQuery terms, AuthApiSettings api) {
        this.metadata = metadataOf(settings, terms, api.authBaseUrl().toString());
        String path = URI.create(settings.issuer()).getRawPath();
        this.issuerPath = path == null ? "" : path.replaceAll("/+$", "");
    }

    @GetMapping({AUTHORIZATION_SERVER, OPENID_CONFIGURATION, AuthApiSettings.BASE_PATH + AUTHORIZATION_SERVER,
            AuthApiSettings.BASE_PATH + OPENID_CONFIGURATION})
    ResponseEntity<Map<String, Object>> metadata() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(metadata);
    }

    /** RFC 8414 section 3.1's path insertion, for an issuer with a path. */
    @GetMapping({AUTHORIZATION_SERVER + "/**", OPENID_CONFIGURATION + "/**"})
    ResponseEntity<Map<String, Object>> metadataForIssuerPath(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String inserted = path.substring(path.startsWith(AUTHORIZATION_SERVER) ? AUTHORIZATION_SERVER.length()
                : OPENID_CONFIGURATION.length());
        return !issuerPath.isEmpty() && inserted.equals(issuerPath) ? metadata() : ResponseEntity.notFound().build();
    }

    /** What the crypto adapter's {@code NimbusClientAssertions} verifies; OAuthResourceServerIT holds them equal. */
    private static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256", "ES384", "ES512");

    private static Map<String, Object> metadataOf(OAuthTermsQuery settings, TokenTermsQuery terms, String base) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer());
        metadata.put("authorization_endpoint", base + "/oauth2/authorize");
        metadata.put("token_endpoint", base + "/oauth2/token");
        metadata.put("userinfo_endpoint", base + "/oauth2/userinfo");
        metadata.put("revocation_endpoint", base + "/oauth2/revoke");
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("none", "client_secret_basic",
                "client_secret_post", "private_key_jwt"));
        metadata.put("introspection_endpoint", base + "/oauth2/introspect");
        metadata.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic",
                "client_secret_post", "private_key_jwt"));
        metadata.put("end_session_endpoint", base + "/oauth2/end-session");
        metadata.put("jwks_uri", base + "/jwks");
        if (settings.registersClients()) {
            metadata.put("registration_endpoint", base + "/oauth2/register");
        }
        metadata.put("scopes_supported", settings.scopesSupported());
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic",
                "client_secret_post", "private_key_jwt"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("client_id_metadata_document_supported", settings.acceptsClientMetadataDocuments());
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of(terms.algorithm()));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent"));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp",
                "name", "picture", "updated_at", "email", "email_verified"));
        metadata.put("request_parameter_supported", false);
        return Collections.unmodifiableMap(metadata);
    }
}

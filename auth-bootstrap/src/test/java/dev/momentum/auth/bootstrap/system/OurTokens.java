package dev.momentum.auth.bootstrap.system;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.momentum.auth.adapter.crypto.AesGcmSecretSealer;
import dev.momentum.auth.adapter.crypto.NimbusTokenSigning;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/** The JWTs of a running service: asked for over HTTP, read, and forged with its key or another. */
final class OurTokens {

    private OurTokens() {
    }

    /** The JWT {@code GET /api/auth/token} gives the holder of this session. */
    static String tokenFrom(RunningService at, String sessionBearer) {
        return JsonPath.read(new String(at.client().get().uri("/api/auth/token")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + sessionBearer).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8), "$.token");
    }

    static Map<String, Object> payloadOf(String token) {
        return JsonPath.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8),
                "$");
    }

    static Map<String, Object> headerOf(String token) {
        return JsonPath.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8),
                "$");
    }

    static String kidOf(String token) {
        return (String) headerOf(token).get("kid");
    }

    /** The service's current signing key, as it holds it: the private half opened with its secret. */
    static ECKey signingKeyOf(DatabaseUrl database, String secret) throws Exception {
        try (var connection = Rows.connect(database); var rows = connection.createStatement().executeQuery(
                "SELECT id, private_jwk FROM signing_keys ORDER BY generation DESC LIMIT 1")) {
            rows.next();
            byte[] jwk = new AesGcmSecretSealer(secret, NimbusTokenSigning.SEALING_PURPOSE)
                    .open(rows.getString(1), rows.getString(2));
            return JWK.parse(new String(jwk, StandardCharsets.UTF_8)).toECKey();
        }
    }

    /** A token with the claims of {@code genuine} after {@code change} edits them, signed with {@code key}. */
    static String forged(String genuine, ECKey key, String kid, Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(payloadOf(genuine));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}

package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NimbusClientAssertionsTest {

    static final String CLIENT = "reporting-service";
    static final String TOKEN_ENDPOINT = "https://auth.example.com/api/auth/oauth2/token";
    static final Set<String> AUDIENCES = Set.of("https://auth.example.com", TOKEN_ENDPOINT);
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final NimbusClientAssertions assertions = new NimbusClientAssertions();
    final ECKey clientKey;
    final RSAKey rsaKey;
    final String published;

    NimbusClientAssertionsTest() throws Exception {
        clientKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        published = new JWKSet(java.util.List.of(clientKey.toPublicJWK(), rsaKey.toPublicJWK())).toString();
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT).audience(TOKEN_ENDPOINT).jwtID("jti-1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60)));
    }

    String signed(ECKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                change.apply(claims()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    ClientAssertion verify(String assertion) {
        return assertions.verify(assertion, published, CLIENT, AUDIENCES, NOW);
    }

    @Test
    void verifyWhenSignedByAPublishedKeyForUsThenItsIdAndExpiry() throws Exception {
        assertThat(verify(signed(clientKey, UnaryOperator.identity())))
                .isEqualTo(new ClientAssertion("jti-1", NOW.plusSeconds(60)));
        SignedJWT rsa = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa-1").build(),
                claims().audience("https://auth.example.com").build());
        rsa.sign(new RSASSASigner(rsaKey));
        assertThat(verify(rsa.serialize()).id()).isEqualTo("jti-1");
    }

    @Test
    void verifyWhenAnythingIsWrongThenInvalidClient() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        var refused = new java.util.LinkedHashMap<String, String>();
        refused.put("another key", signed(stranger, UnaryOperator.identity()));
        refused.put("another audience", signed(clientKey, claims -> claims.audience("https://other.example.com")));
        refused.put("another issuer", signed(clientKey, claims -> claims.issuer("someone-else")));
        refused.put("another subject", signed(clientKey, claims -> claims.subject("someone-else")));
        refused.put("expired", signed(clientKey, claims -> claims.expirationTime(Date.from(NOW.minusSeconds(120)))));
        refused.put("no jti", signed(clientKey, claims -> claims.jwtID(null)));
        refused.put("no expiry", signed(clientKey, claims -> claims.expirationTime(null)));
        refused.put("a day long", signed(clientKey, claims -> claims.expirationTime(Date.from(NOW.plus(Duration.ofDays(1))))));
        refused.put("unsigned", new PlainJWT(claims().build()).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        refused.put("an HMAC", hmac.serialize());
        refused.put("not a JWT", "not.a.jwt");

        refused.forEach((why, assertion) -> assertThatThrownBy(() -> verify(assertion)).as(why)
                .isInstanceOfSatisfying(OAuthException.class,
                        error -> assertThat(error.code()).isEqualTo(OAuthException.Code.INVALID_CLIENT)));
    }
}

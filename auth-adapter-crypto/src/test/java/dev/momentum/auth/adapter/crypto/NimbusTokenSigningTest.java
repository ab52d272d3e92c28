package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.signing.IdTokenClaims;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.signing.TokenClaims;
import dev.momentum.auth.domain.testing.TestUsers;
import java.security.Key;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NimbusTokenSigningTest {

    private static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final NimbusTokenSigning signing = new NimbusTokenSigning(new AesGcmSecretSealer(SECRET, "signing keys v1"));

    private static TokenClaims claims(long expiresAt) {
        return new TokenClaims("https://auth.example", "https://auth.example", Instant.ofEpochSecond(1_700_000_000L),
                Instant.ofEpochSecond(expiresAt), "jti-1", TestUsers.user("user-1").build(), "user");
    }

    private static SigningKey key(SigningAlgorithm algorithm) {
        return new SigningKey("kid-" + algorithm, 1, algorithm, NOW, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void signWhenVerifiedWithThePublishedKeyThenTheSignatureAndClaimsHold(SigningAlgorithm algorithm) throws Exception {
        var stored = signing.generate(key(algorithm));

        String token = signing.signer(stored).sign(claims(1_700_000_900L));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-" + algorithm);
        JWK published = JWK.parse(stored.publicJwk());
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyID()).isEqualTo("kid-" + algorithm);
        Key publicKey = published instanceof com.nimbusds.jose.jwk.ECKey ec ? ec.toPublicKey()
                : published.toRSAKey().toPublicKey();
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
        assertThat(jwt.verify(verifier)).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-1");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond()).isEqualTo(1_700_000_900L);
    }

    @Test
    void signWhenEdDsaThenAnEd25519SignatureTheJdkVerifies() throws Exception {
        var stored = signing.generate(key(SigningAlgorithm.EdDSA));

        String token = signing.signer(stored).sign(claims(1_700_000_900L));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        var published = JWK.parse(stored.publicJwk()).toOctetKeyPair();
        assertThat(published.getCurve().getName()).isEqualTo("Ed25519");
        assertThat(published.isPrivate()).isFalse();
        byte[] x509Prefix = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] encoded = java.nio.ByteBuffer.allocate(44).put(x509Prefix).put(published.getDecodedX()).array();
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(encoded)));
        verifier.update(jwt.getSigningInput());
        assertThat(verifier.verify(jwt.getSignature().decode())).isTrue();
        verifier.update((new String(jwt.getSigningInput()) + "x").getBytes());
        assertThat(verifier.verify(jwt.getSignature().decode())).isFalse();
    }

    @Test
    void generateThenThePrivateKeyIsStoredOnlySealed() throws Exception {
        var stored = signing.generate(key(SigningAlgorithm.ES256));
        String d = JWK.parse(new String(new AesGcmSecretSealer(SECRET, "signing keys v1")
                .open(stored.key().id(), stored.sealedPrivateJwk()))).toECKey().getD().toString();

        assertThat(stored.sealedPrivateJwk()).doesNotContain(d).doesNotContain("\"d\"");
        assertThat(stored.publicJwk()).doesNotContain(d);
        assertThatThrownBy(() -> new NimbusTokenSigning(new AesGcmSecretSealer(SECRET + "x", "signing keys v1"))
                .signer(stored)).isInstanceOf(IllegalStateException.class);
    }

    /** The wire names are this adapter's: better-auth's user fields, the registered claims, role and email_verified. */
    @Test
    void claimsSetWhenAUserIsStatedThenTheClaimsBetterAuthsJwtPluginSends() {
        var claims = NimbusTokenSigning.claimsSet(claims(1_700_000_900L)).toJSONObject();

        assertThat(claims.keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "exp", "jti", "id", "name", "email",
                "emailVerified", "role", "email_verified", "createdAt", "updatedAt");
        assertThat(claims).containsEntry("aud", "https://auth.example").containsEntry("sub", "user-1")
                .containsEntry("iat", 1_700_000_000L).containsEntry("exp", 1_700_000_900L)
                .containsEntry("email", "user-1@example.com").containsEntry("emailVerified", true)
                .containsEntry("role", "user").containsEntry("createdAt", "2026-11-22T10:00:00Z");
        assertThat(NimbusTokenSigning.claimsSet(new TokenClaims("i", "a", Instant.ofEpochSecond(1), Instant.ofEpochSecond(2),
                "j", TestUsers.user("u").image("https://img.example/u.png").build(), "admin")).toJSONObject())
                .containsEntry("image", "https://img.example/u.png").containsEntry("role", "admin");
    }

    @Test
    void signWhenAnAccessTokenThenRfc9068sTypeAndClaimsAndTheSessionJwtKeepsItsOwn() throws Exception {
        var signer = signing.signer(signing.generate(key(SigningAlgorithm.ES256)));

        SignedJWT access = SignedJWT.parse(signer.sign(new AccessTokenClaims("https://auth.example", "user-1",
                List.of("https://mcp.example.com/mcp"), "client-1", Scopes.parse("openid mcp:tools").orElseThrow(),
                Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_900L), "jti-2")));
        SignedJWT session = SignedJWT.parse(signer.sign(claims(1_700_000_900L)));

        assertThat(access.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(session.getHeader().getType().getType()).isEqualTo("JWT");
        var claims = access.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://auth.example");
        assertThat(claims.getSubject()).isEqualTo("user-1");
        assertThat(claims.getAudience()).containsExactly("https://mcp.example.com/mcp");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("client-1");
        assertThat(claims.getStringClaim("scope")).isEqualTo("mcp:tools openid");
        assertThat(claims.getJWTID()).isEqualTo("jti-2");
        assertThat(claims.getClaim("email")).as("no user data in an access token").isNull();
    }

    @Test
    void signWhenAnIdTokenThenTheClientAsAudienceAndOnlyTheClaimsItsScopesAskFor() throws Exception {
        var signer = signing.signer(signing.generate(key(SigningAlgorithm.ES256)));
        var user = TestUsers.user("user-1").build();

        var withEmail = SignedJWT.parse(signer.sign(new IdTokenClaims("https://auth.example", user, "client-1",
                Scopes.parse("openid email").orElseThrow(), Instant.ofEpochSecond(1_699_999_000L), Optional.of("n0nce"),
                Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_900L)))).getJWTClaimsSet();
        var bare = SignedJWT.parse(signer.sign(new IdTokenClaims("https://auth.example", user, "client-1",
                Scopes.parse("openid").orElseThrow(), Instant.ofEpochSecond(1_699_999_000L), Optional.empty(),
                Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_900L)))).getJWTClaimsSet();

        assertThat(withEmail.getAudience()).containsExactly("client-1");
        assertThat(withEmail.getStringClaim("nonce")).isEqualTo("n0nce");
        assertThat(withEmail.getLongClaim("auth_time")).isEqualTo(1_699_999_000L);
        assertThat(withEmail.getStringClaim("email")).isEqualTo(user.email().value());
        assertThat(withEmail.getClaim("name")).isNull();
        assertThat(bare.getClaims()).doesNotContainKeys("email", "name", "nonce");
    }
}

package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import java.security.Key;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NimbusTokenSigningTest {

    private static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final NimbusTokenSigning signing = new NimbusTokenSigning(new AesGcmSecretSealer(SECRET, "signing keys v1"));

    private static SigningKey key(SigningAlgorithm algorithm) {
        return new SigningKey("kid-" + algorithm, 1, algorithm, NOW, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void signWhenVerifiedWithThePublishedKeyThenTheSignatureAndClaimsHold(SigningAlgorithm algorithm) throws Exception {
        var stored = signing.generate(key(algorithm));

        String token = signing.signer(stored).sign(Map.of("sub", "user-1", "iat", 1_700_000_000L, "exp", 1_700_000_900L));

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

        String token = signing.signer(stored).sign(Map.of("sub", "user-1", "iat", 1_700_000_000L));

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
}

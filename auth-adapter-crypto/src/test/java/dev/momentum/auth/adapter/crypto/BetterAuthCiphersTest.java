package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values made by better-auth 1.7.25's symmetricEncrypt and keys as its jwt plugin stores them. */
class BetterAuthCiphersTest {

    static final String SECRET = "fixture-secret-0123456789-abcdefghijklmnop";
    /** symmetricEncrypt({key: SECRET, data: "JBSWY3DPEHPK3PXP"}) */
    static final String TOTP_SECRET = "cbcf9be0d0d2bd115256501b06dbdc833ec1190eb2e6050b2792f420c4a30a266ba4d30d5f49b01"
            + "9c4e2229f8cd16e9c064a299f5e42640f";
    /** symmetricEncrypt with secret version 2 of a rotation: an envelope */
    static final String ROTATED = "rotated-secret-0123456789-abcdefghijklmnop";
    static final String BACKUP_CODES = "$ba$2$7a3ded99dc02b26a3b60e3b43eb97955bda955a89003f7ef4dd5ace5ac91ea42f3f6d26f16ee"
            + "0fbc29a481fced6e49e0a384064f5d8f94a68f5b0f5659a78b75892998faa0";

    @Test
    void decryptWhenBetterAuthsSecretThenThePlaintext() {
        assertThat(new BetterAuthCiphers(List.of(SECRET)).decrypt(TOTP_SECRET)).contains("JBSWY3DPEHPK3PXP");
    }

    @Test
    void decryptWhenAnEnvelopeOfARotationThenTheSecretThatOpensItIsFound() {
        assertThat(new BetterAuthCiphers(List.of(SECRET, ROTATED)).decrypt(BACKUP_CODES))
                .contains("[\"abcde-12345\",\"fghij-67890\"]");
    }

    @Test
    void decryptWhenAnotherSecretOrAlteredOrNotHexThenEmpty() {
        assertThat(new BetterAuthCiphers(List.of(ROTATED)).decrypt(TOTP_SECRET)).isEmpty();
        byte[] altered = HexFormat.of().parseHex(TOTP_SECRET);
        altered[30] ^= 1;
        assertThat(new BetterAuthCiphers(List.of(SECRET)).decrypt(HexFormat.of().formatHex(altered))).isEmpty();
        assertThat(new BetterAuthCiphers(List.of(SECRET)).decrypt("[\"plain\"]")).isEmpty();
        assertThat(new BetterAuthCiphers(List.of(SECRET)).decrypt("abcd")).isEmpty();
        assertThat(new BetterAuthCiphers(List.of(SECRET)).decrypt(null)).isEmpty();
    }

    /** draft-irtf-cfrg-xchacha-03, section 2.2.1. */
    @Test
    void hChaCha20WhenTheDraftsTestVectorThenItsSubkey() {
        byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = HexFormat.of().parseHex("000000090000004a0000000031415927");

        assertThat(HexFormat.of().formatHex(XChaCha20Poly1305.hChaCha20(key, nonce)))
                .isEqualTo("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc");
    }

    @Test
    void publicJwkWhenBetterAuthsStoredKeyThenWhatItsJwksServedWithUse() throws Exception {
        String stored = "{\"crv\":\"Ed25519\",\"x\":\"Dr3q0J5sBSuOiND8j1uWAaKK0FC6N5EFd43yDivUfGM\",\"kty\":\"OKP\"}";

        JWK jwk = JWK.parse(new BetterAuthCiphers(List.of(SECRET)).publicJwk("key-1", stored, null, null).orElseThrow());

        assertThat(jwk.getKeyID()).isEqualTo("key-1");
        assertThat(jwk.getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(jwk.getKeyUse().identifier()).isEqualTo("sig");
        assertThat(jwk.toOctetKeyPair().getX().toString()).isEqualTo("Dr3q0J5sBSuOiND8j1uWAaKK0FC6N5EFd43yDivUfGM");
    }

    @Test
    void publicJwkWhenPrivateOrBrokenThenEmpty() {
        var ciphers = new BetterAuthCiphers(List.of(SECRET));
        String withPrivatePart = "{\"crv\":\"Ed25519\",\"x\":\"Dr3q0J5sBSuOiND8j1uWAaKK0FC6N5EFd43yDivUfGM\","
                + "\"d\":\"Dr3q0J5sBSuOiND8j1uWAaKK0FC6N5EFd43yDivUfGM\",\"kty\":\"OKP\"}";

        assertThat(ciphers.publicJwk("k", withPrivatePart, "EdDSA", null)).isEmpty();
        assertThat(ciphers.publicJwk("k", "not json", "EdDSA", null)).isEmpty();
        assertThat(ciphers.publicJwk("k", "{\"kty\":\"OKP\"}", "EdDSA", null)).isEmpty();
    }
}

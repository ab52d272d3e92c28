package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {

    private static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
    private static final byte[] LINK = "https://auth.example.com/verify-email?token=abc".getBytes(StandardCharsets.UTF_8);

    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(SECRET, "mail outbox v1");

    @Test
    void openWhenSameSecretPurposeAndContextThenThePlaintext() {
        String sealed = sealer.seal("row-1", LINK);

        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)).doesNotContain("token");
        assertThat(sealer.open("row-1", sealed)).isEqualTo(LINK);
        assertThat(sealer.seal("row-1", LINK)).as("fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void openWhenSealedUnderAPreviousSecretThenOpensWhileThatSecretIsListedAndNewSealsUseTheCurrentOne() {
        String sealedBefore = sealer.seal("row-1", LINK);
        var rotated = new AesGcmSecretSealer("rotated-secret-9876543210-zyxwvutsrq", List.of(SECRET), "mail outbox v1");

        assertThat(rotated.open("row-1", sealedBefore)).isEqualTo(LINK);
        assertThat(new AesGcmSecretSealer("rotated-secret-9876543210-zyxwvutsrq", "mail outbox v1")
                .open("row-1", rotated.seal("row-1", LINK))).isEqualTo(LINK);
        assertThatThrownBy(() -> sealer.open("row-1", rotated.seal("row-1", LINK)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AesGcmSecretSealer("rotated-secret-9876543210-zyxwvutsrq", "mail outbox v1")
                .open("row-1", sealedBefore)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openWhenAnythingDiffersOrWasAlteredThenRefuses() {
        String sealed = sealer.seal("row-1", LINK);
        byte[] altered = Base64.getDecoder().decode(sealed);
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open("row-2", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_SECRET");
        assertThatThrownBy(() -> new AesGcmSecretSealer(SECRET, "signing keys v1").open("row-1", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AesGcmSecretSealer(SECRET + "x", "mail outbox v1").open("row-1", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open("row-1", Base64.getEncoder().encodeToString(altered)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open("row-1", "AAAA")).isInstanceOf(IllegalStateException.class);
    }
}

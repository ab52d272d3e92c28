package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Factors sealed by the import and by enrolment open the same way, with the real sealer and format. */
class FactorSecretsTest {

    static final String SECRET = "q8Vn3xK1pZ7wR4tY6uB9mC2eL5hJ0sDf";
    static final String IMPORT_PURPOSE = "auth-service better-auth import v1";
    static final UserId ADA = new UserId("ada-0001");

    final AesGcmSecretSealer sealer = new AesGcmSecretSealer(SECRET, IMPORT_PURPOSE);
    final FactorSecrets factors = new FactorSecrets(sealer, new JsonBackupCodesFormat());

    @Test
    void openWhenSealedAsTheImportSealsBetterAuthsValuesThenTheSameSecretAndCodes() {
        String importedSecret = sealer.seal(FactorSecrets.totpContext(ADA.value()),
                "Ab3-_xYz0123456789abcdefGHIJKLMN".getBytes(StandardCharsets.UTF_8));
        String importedCodes = sealer.seal(FactorSecrets.backupCodesContext(ADA.value()),
                "[\"aB3dE-fG5hI\",\"kL7mN-oP9qR\"]".getBytes(StandardCharsets.UTF_8));

        assertThat(factors.openSecret(ADA, importedSecret).value()).isEqualTo("Ab3-_xYz0123456789abcdefGHIJKLMN");
        assertThat(factors.openCodes(ADA, importedCodes).codes()).containsExactly("aB3dE-fG5hI", "kL7mN-oP9qR");
    }

    @Test
    void sealThenOpensForTheSameUserOnlyAndReadsAsBetterAuthWritesIt() {
        var codes = new BackupCodes(List.of("aB3dE-fG5hI", "kL7mN-oP9qR"));
        String sealed = factors.sealCodes(ADA, codes);

        assertThat(factors.openCodes(ADA, sealed)).isEqualTo(codes);
        assertThat(new String(sealer.open(FactorSecrets.backupCodesContext(ADA.value()), sealed), StandardCharsets.UTF_8))
                .isEqualTo("[\"aB3dE-fG5hI\",\"kL7mN-oP9qR\"]");
        assertThat(factors.openSecret(ADA, factors.sealSecret(ADA, new TotpSecret("s3cr3t"))).value()).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> factors.openCodes(new UserId("bob-0002"), sealed))
                .as("moved to another user").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readWhenNotAJsonArrayOfStringsThenRefused() {
        var format = new JsonBackupCodesFormat();

        assertThatThrownBy(() -> format.read("aB3dE-fG5hI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    }
}

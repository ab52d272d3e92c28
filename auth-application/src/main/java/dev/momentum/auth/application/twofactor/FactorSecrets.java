package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.application.twofactor.port.out.BackupCodesFormat;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Seals and opens a user's TOTP secret and backup codes, those the import brought from
 * better-auth and those enrolled here alike: one purpose, one context per user and kind, so a
 * sealed value copied to another user does not open (ADR-0047).
 */
public final class FactorSecrets {

    private final SecretSealer sealer;
    private final BackupCodesFormat format;

    /** @param sealer a sealer under the import's purpose, so that the factors it brought open unchanged */
    public FactorSecrets(SecretSealer sealer, BackupCodesFormat format) {
        this.sealer = Objects.requireNonNull(sealer, "sealer cannot be null");
        this.format = Objects.requireNonNull(format, "format cannot be null");
    }

    public static String totpContext(String userId) {
        return "better-auth totp secret " + userId;
    }

    public static String backupCodesContext(String userId) {
        return "better-auth backup codes " + userId;
    }

    public String sealSecret(UserId user, TotpSecret secret) {
        return sealer.seal(totpContext(user.value()), secret.key());
    }

    public TotpSecret openSecret(UserId user, String sealed) {
        return new TotpSecret(new String(sealer.open(totpContext(user.value()), sealed), StandardCharsets.UTF_8));
    }

    public String sealCodes(UserId user, BackupCodes codes) {
        return sealer.seal(backupCodesContext(user.value()), format.write(codes).getBytes(StandardCharsets.UTF_8));
    }

    public BackupCodes openCodes(UserId user, String sealed) {
        return format.read(new String(sealer.open(backupCodesContext(user.value()), sealed), StandardCharsets.UTF_8));
    }
}

package dev.momentum.auth.application.twofactor.port.out;

import dev.momentum.auth.domain.twofactor.BackupCodes;

/** Backup codes as text, in better-auth's form: a JSON array of strings. */
public interface BackupCodesFormat {

    String write(BackupCodes codes);

    /** @throws IllegalArgumentException when the text is not a JSON array of strings */
    BackupCodes read(String text);
}

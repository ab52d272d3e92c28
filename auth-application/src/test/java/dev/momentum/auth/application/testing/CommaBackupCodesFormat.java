package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.twofactor.port.out.BackupCodesFormat;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import java.util.Arrays;

public final class CommaBackupCodesFormat implements BackupCodesFormat {

    @Override
    public String write(BackupCodes codes) {
        return String.join(",", codes.codes());
    }

    @Override
    public BackupCodes read(String text) {
        return new BackupCodes(Arrays.asList(text.split(",")));
    }
}

package dev.momentum.auth.adapter.crypto;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.momentum.auth.application.twofactor.port.out.BackupCodesFormat;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/** better-auth's {@code JSON.stringify(codes)}, written and read with the JSON support Nimbus ships. */
public final class JsonBackupCodesFormat implements BackupCodesFormat {

    @Override
    public String write(BackupCodes codes) {
        return JSONArrayUtils.toJSONString(new ArrayList<Object>(codes.codes()));
    }

    @Override
    public BackupCodes read(String text) {
        List<Object> parsed;
        try {
            parsed = JSONArrayUtils.parse(text);
        } catch (ParseException notJson) {
            throw new IllegalArgumentException("backup codes are not a JSON array", notJson);
        }
        if (parsed.stream().anyMatch(code -> !(code instanceof String))) {
            throw new IllegalArgumentException("backup codes are not all strings");
        }
        return new BackupCodes(parsed.stream().map(String.class::cast).toList());
    }
}

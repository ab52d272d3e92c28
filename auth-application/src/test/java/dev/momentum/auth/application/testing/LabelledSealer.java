package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.support.port.out.SecretSealer;
import java.util.Base64;

/** Seals by labelling with the context, so a value opened under another context fails as the real sealer's does. */
public final class LabelledSealer implements SecretSealer {

    @Override
    public String seal(String context, byte[] plaintext) {
        return "sealed(" + context + "):" + Base64.getEncoder().encodeToString(plaintext);
    }

    @Override
    public byte[] open(String context, String sealed) {
        String label = "sealed(" + context + "):";
        if (!sealed.startsWith(label)) {
            throw new IllegalStateException("sealed in another context");
        }
        return Base64.getDecoder().decode(sealed.substring(label.length()));
    }
}

package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.support.port.out.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Binds values to a secret and a context like the real sealer, without its cryptography (the crypto module tests that). */
record TestSealer(String secret) implements SecretSealer {

    @Override
    public String seal(String context, byte[] plaintext) {
        return Base64.getEncoder().encodeToString((secret + "|" + context + "|").getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getEncoder().encodeToString(plaintext);
    }

    @Override
    public byte[] open(String context, String sealed) {
        String[] parts = sealed.split("\\.", 2);
        String binding = new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        if (!binding.equals(secret + "|" + context + "|")) {
            throw new IllegalStateException("the value does not open with this AUTH_SECRET");
        }
        return Base64.getDecoder().decode(parts[1]);
    }
}

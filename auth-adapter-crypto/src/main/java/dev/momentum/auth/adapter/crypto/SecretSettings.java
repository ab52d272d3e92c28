package dev.momentum.auth.adapter.crypto;

import dev.momentum.auth.application.support.SettingsReader;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's secret, from which cookie signatures and sealing keys are derived, and the
 * secrets rotated out, whose signatures still verify and whose sealed values still open (ADR-0025).
 *
 * @param current {@code AUTH_SECRET} (or better-auth's {@code BETTER_AUTH_SECRET}); empty outside
 *                production, where the service makes one in its data directory
 * @param previous {@code AUTH_SECRET_PREVIOUS}
 */
public record SecretSettings(Optional<String> current, List<String> previous) {

    public static final int MIN_LENGTH = 32;

    public SecretSettings {
        Objects.requireNonNull(current, "current cannot be null");
        previous = List.copyOf(previous);
    }

    public static SecretSettings read(SettingsReader env, boolean production) {
        Optional<String> current = env.text("AUTH_SECRET").or(() -> env.text("BETTER_AUTH_SECRET"));
        if (current.isPresent() && current.get().length() < MIN_LENGTH) {
            env.problem("AUTH_SECRET must be at least " + MIN_LENGTH + " characters (openssl rand -base64 32)");
        } else if (current.isPresent() && production && isWeak(current.get())) {
            env.problem("AUTH_SECRET is a placeholder or repeats one character; use a random value (openssl rand -base64 32)");
        } else if (current.isEmpty() && production) {
            env.problem("AUTH_SECRET is required in production (at least " + MIN_LENGTH + " random characters)");
        }
        List<String> previous = env.list("AUTH_SECRET_PREVIOUS");
        if (previous.stream().anyMatch(secret -> secret.length() < MIN_LENGTH)) {
            env.problem("each of AUTH_SECRET_PREVIOUS must be at least " + MIN_LENGTH + " characters");
        }
        return new SecretSettings(current, previous);
    }

    private static boolean isWeak(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        return secret.chars().distinct().count() < 8 || lower.contains("change") || lower.contains("secret")
                || lower.contains("example") || lower.contains("placeholder");
    }

    @Override
    public String toString() {
        return "SecretSettings[" + (current.isPresent() ? "set" : "unset") + ", " + previous.size() + " previous]";
    }
}

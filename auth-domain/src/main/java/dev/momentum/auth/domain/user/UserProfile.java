package dev.momentum.auth.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * The name and picture a user chooses. Names may be empty (better-auth allows it) but never hold
 * control characters, which could otherwise be smuggled into mail headers or logs.
 */
public record UserProfile(String name, String image) {

    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_IMAGE_LENGTH = 2048;

    public UserProfile {
        Objects.requireNonNull(name, "name cannot be null");
        problemWith(name, image).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why a name and image cannot form a profile, or empty when they can. */
    public static Optional<String> problemWith(String name, String image) {
        if (name == null || name.length() > MAX_NAME_LENGTH || hasControlCharacter(name)) {
            return Optional.of("name");
        }
        if (image != null && (image.length() > MAX_IMAGE_LENGTH || hasControlCharacter(image))) {
            return Optional.of("image");
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}

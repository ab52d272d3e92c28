package dev.momentum.auth.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can sign in. {@code image} is nullable, as in better-auth's user model.
 *
 * @param twoFactorEnabled a password sign-in asks for a second factor, better-auth's field of that name
 */
public record User(UserId id, String name, EmailAddress email, boolean emailVerified, String image,
                   Instant createdAt, Instant updatedAt, String role, boolean disabled, boolean twoFactorEnabled) {

    /** The role that opens the admin API (ADR-0034); a user without one is a plain user. */
    public static final String ADMIN = "admin";

    public User {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(updatedAt, "updatedAt cannot be null");
    }

    /** A user with no role who is not disabled. */
    public User(UserId id, String name, EmailAddress email, boolean emailVerified, String image, Instant createdAt,
                Instant updatedAt) {
        this(id, name, email, emailVerified, image, createdAt, updatedAt, null, false, false);
    }

    /** A user who has just signed up and not yet verified their address. */
    public static User register(UserId id, UserProfile profile, EmailAddress email, Instant now) {
        return new User(id, profile.name(), email, false, profile.image(), now, now);
    }

    public UserProfile profile() {
        return new UserProfile(name, image);
    }

    public User withProfile(UserProfile profile, Instant now) {
        return new User(id, profile.name(), email, emailVerified, profile.image(), createdAt, now, role, disabled,
                twoFactorEnabled);
    }

    public User withEmailVerified(Instant now) {
        return emailVerified ? this
                : new User(id, name, email, true, image, createdAt, now, role, disabled, twoFactorEnabled);
    }

    public User withRole(String newRole) {
        return new User(id, name, email, emailVerified, image, createdAt, updatedAt, newRole, disabled, twoFactorEnabled);
    }

    /** The address has been proven by the link mailed to it, so it is verified. */
    public User withVerifiedEmail(EmailAddress newEmail, Instant now) {
        return new User(id, name, newEmail, true, image, createdAt, now, role, disabled, twoFactorEnabled);
    }
}

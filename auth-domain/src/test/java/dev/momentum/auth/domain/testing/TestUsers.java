package dev.momentum.auth.domain.testing;

import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;

/** Users for tests: a verified, enabled plain user unless a test says otherwise. */
public final class TestUsers {

    public static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

    private TestUsers() {
    }

    /** A user with this id, named Ada, whose address is {@code <id>@example.com}. */
    public static Builder user(String id) {
        return new Builder(id);
    }

    public static final class Builder {

        private String id;
        private String name = "Ada";
        private String email;
        private boolean emailVerified = true;
        private String image;
        private Instant createdAt = CREATED;
        private Instant updatedAt = CREATED;
        private String role;
        private boolean disabled;
        private boolean twoFactorEnabled;

        private Builder(String id) {
            this.id = id;
            this.email = id + "@example.com";
        }

        public Builder named(String name) {
            this.name = name;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder verified(boolean emailVerified) {
            this.emailVerified = emailVerified;
            return this;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            return this;
        }

        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder disabled() {
            this.disabled = true;
            return this;
        }

        public Builder twoFactorEnabled() {
            this.twoFactorEnabled = true;
            return this;
        }

        public User build() {
            return new User(new UserId(id), name, EmailAddress.parse(email).orElseThrow(), emailVerified, image,
                    createdAt, updatedAt, role, disabled, twoFactorEnabled);
        }
    }
}

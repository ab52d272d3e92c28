package dev.momentum.auth.domain.testing;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;

/** Sessions for tests: a remembered session of the default lifetime, started when the user was made. */
public final class TestSessions {

    private TestSessions() {
    }

    /** A session of the user whose token is {@code token}; only its hash is in the session. */
    public static Builder of(User user, String token) {
        return new Builder(user, token);
    }

    public static final class Builder {

        private final User user;
        private final String token;
        private String id;
        private Instant startedAt;
        private boolean rememberMe = true;
        private ClientInfo client = ClientInfo.UNKNOWN;

        private Builder(User user, String token) {
            this.user = user;
            this.token = token;
            this.id = "s-" + token;
            this.startedAt = user.createdAt();
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder notRemembered() {
            this.rememberMe = false;
            return this;
        }

        public Builder from(ClientInfo client) {
            this.client = client;
            return this;
        }

        public Session build() {
            return Session.start(new SessionId(id), user.id(), TokenHash.of(token), SessionLifetime.DEFAULT, rememberMe,
                    client, startedAt);
        }
    }
}

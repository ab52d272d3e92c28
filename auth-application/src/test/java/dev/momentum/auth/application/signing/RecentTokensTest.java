package dev.momentum.auth.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.testing.TestUsers;
import dev.momentum.auth.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final User ADA = TestUsers.user("u1").email("ada@example.com").createdAt(NOW).build();

    private final RecentTokens recent = new RecentTokens(WINDOW, 2);

    @Test
    void rememberWhenFullOfFreshTokensThenTheNextIsNotRememberedAndNothingIsLost() {
        recent.remember(new SessionId("s1"), ADA, "k", NOW, "jwt1");
        recent.remember(new SessionId("s2"), ADA, "k", NOW, "jwt2");

        recent.remember(new SessionId("s3"), ADA, "k", NOW.plusSeconds(1), "jwt3");

        assertThat(recent.reusable(new SessionId("s3"), ADA, "k", NOW.plusSeconds(1))).isEmpty();
        assertThat(recent.reusable(new SessionId("s1"), ADA, "k", NOW.plusSeconds(1))).contains("jwt1");
    }

    @Test
    void rememberWhenFullOfStaleTokensThenTheyMakeRoom() {
        recent.remember(new SessionId("s1"), ADA, "k", NOW, "jwt1");
        recent.remember(new SessionId("s2"), ADA, "k", NOW, "jwt2");

        recent.remember(new SessionId("s3"), ADA, "k", NOW.plus(WINDOW), "jwt3");

        assertThat(recent.reusable(new SessionId("s3"), ADA, "k", NOW.plus(WINDOW))).contains("jwt3");
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void reusableWhenTheClockWentBackThenNot() {
        recent.remember(new SessionId("s1"), ADA, "k", NOW, "jwt1");

        assertThat(recent.reusable(new SessionId("s1"), ADA, "k", NOW.minusSeconds(1))).isEmpty();
    }
}

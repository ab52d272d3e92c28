package dev.momentum.auth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private Session start(boolean rememberMe) {
        return Session.start(new SessionId("s1"), new UserId("u1"), TokenHash.of("t"), SessionLifetime.DEFAULT,
                rememberMe, ClientInfo.UNKNOWN, NOW);
    }

    @Test
    void startWhenRememberedThenLivesSevenDays() {
        assertThat(start(true).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void startWhenNotRememberedThenLivesOneDay() {
        assertThat(start(false).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void isExpiredAtWhenAtOrAfterExpiryThenTrue() {
        Session session = start(false);
        assertThat(session.isExpiredAt(session.expiresAt().minusMillis(1))).isFalse();
        assertThat(session.isExpiredAt(session.expiresAt())).isTrue();
    }

    @Test
    void clientInfoWhenUserAgentTooLongThenTruncated() {
        assertThat(new ClientInfo(null, "x".repeat(2000)).userAgent()).hasSize(ClientInfo.MAX_USER_AGENT_LENGTH);
    }

    @Test
    void isDueForRefreshAtWhenLastExtendedLessThanADayAgoThenFalseAndAfterThenTrue() {
        Session session = start(true);

        assertThat(session.isDueForRefreshAt(NOW.plus(Duration.ofHours(23)), SessionLifetime.DEFAULT)).isFalse();
        assertThat(session.isDueForRefreshAt(NOW.plus(Duration.ofDays(1)), SessionLifetime.DEFAULT)).isTrue();
    }

    @Test
    void refreshedAtThenExpiresAFullLifetimeLaterAndKeepsItsCreationTime() {
        Instant later = NOW.plus(Duration.ofDays(2));

        Session refreshed = start(true).refreshedAt(later, SessionLifetime.DEFAULT);

        assertThat(refreshed.expiresAt()).isEqualTo(later.plus(Duration.ofDays(7)));
        assertThat(refreshed.updatedAt()).isEqualTo(later);
        assertThat(refreshed.createdAt()).isEqualTo(NOW);
        assertThat(refreshed.isDueForRefreshAt(later, SessionLifetime.DEFAULT)).isFalse();
    }

    @Test
    void refreshedDailyThenNeverBeyondThirtyDaysAfterSignInAndThenNoLongerDue() {
        Session session = start(true);
        for (int day = 1; day <= 40 && session.isDueForRefreshAt(NOW.plus(Duration.ofDays(day)), SessionLifetime.DEFAULT);
             day++) {
            session = session.refreshedAt(NOW.plus(Duration.ofDays(day)), SessionLifetime.DEFAULT);
        }

        assertThat(session.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(session.isDueForRefreshAt(NOW.plus(Duration.ofDays(29)), SessionLifetime.DEFAULT)).isFalse();
        assertThat(session.isExpiredAt(NOW.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void isFreshAtWhenYoungerThanFreshAgeThenTrue() {
        Session session = start(true);

        assertThat(session.isFreshAt(NOW.plus(Duration.ofHours(23)), SessionLifetime.DEFAULT)).isTrue();
        assertThat(session.isFreshAt(NOW.plus(Duration.ofDays(1)), SessionLifetime.DEFAULT)).isFalse();
    }
}

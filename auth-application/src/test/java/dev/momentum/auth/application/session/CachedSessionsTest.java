package dev.momentum.auth.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.session.port.out.SessionRepository.SessionOfUser;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.session.port.out.UserChangeFeed.UserChange;
import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.application.testing.MutableClock;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.testing.TestSessions;
import dev.momentum.auth.domain.testing.TestUsers;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class CachedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final UserId ADA = new UserId("u-ada");
    private static final UserId BOB = new UserId("u-bob");
    private static final TokenHash ADAS_PHONE = TokenHash.of("ada-phone-token");
    private static final TokenHash ADAS_LAPTOP = TokenHash.of("ada-laptop-token");
    private static final TokenHash BOBS_PHONE = TokenHash.of("bob-phone-token");

    private final MutableClock clock = new MutableClock(NOW);
    private final StoredSessions stored = new StoredSessions();
    private final Feed feed = new Feed();
    private final CachedSessions cached = new CachedSessions(stored, feed, TIME_TO_LIVE, 3, clock);

    CachedSessionsTest() {
        stored.put(ADAS_PHONE, ADA, "Ada");
        stored.put(ADAS_LAPTOP, ADA, "Ada");
        stored.put(BOBS_PHONE, BOB, "Bob");
    }

    @Test
    void findWhenListeningThenTheSecondLookupIsServedFromMemory() {
        feed.say(new UserChange.Listening());

        assertThat(nameOf(ADAS_PHONE)).isEqualTo("Ada");
        assertThat(nameOf(ADAS_PHONE)).isEqualTo("Ada");

        assertThat(stored.reads.get()).isEqualTo(1);
        assertThat(cached.lookupsReadFromStore()).isEqualTo(1);
        assertThat(cached.lookupsAnsweredFromMemory()).isEqualTo(1);
        assertThat(cached.isListening()).isTrue();
    }

    @Test
    void findWhenTheFeedIsNotListeningYetThenEveryLookupReadsTheStore() {
        nameOf(ADAS_PHONE);
        nameOf(ADAS_PHONE);

        assertThat(stored.reads.get()).isEqualTo(2);
        assertThat(cached.lookupsReadFromStore()).isEqualTo(2);
        assertThat(cached.isListening()).isFalse();
    }

    @Test
    void findWhenTheUserChangedThenAllTheirSessionsAreReadAgainAndOthersAreNot() {
        feed.say(new UserChange.Listening());
        nameOf(ADAS_PHONE);
        nameOf(ADAS_LAPTOP);
        nameOf(BOBS_PHONE);

        stored.put(ADAS_PHONE, ADA, "Ada Lovelace");
        stored.put(ADAS_LAPTOP, ADA, "Ada Lovelace");
        feed.say(new UserChange.OfUser(ADA));

        assertThat(nameOf(ADAS_PHONE)).isEqualTo("Ada Lovelace");
        assertThat(nameOf(ADAS_LAPTOP)).isEqualTo("Ada Lovelace");
        nameOf(BOBS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(5);
    }

    @Test
    void findWhenTheSessionIsGoneThenItIsNotFound() {
        feed.say(new UserChange.Listening());
        nameOf(ADAS_PHONE);

        stored.sessions.remove(ADAS_PHONE);
        feed.say(new UserChange.OfUser(ADA));

        assertThat(cached.findByTokenHash(ADAS_PHONE).blockOptional()).isEmpty();
    }

    /** The index by user keeps hashes of entries swept since, until it outgrows the cache; then it drops those only. */
    @Test
    void findWhenManyUsersCameAndWentThenAChangeOfAHeldUserStillDropsTheirEntry() {
        feed.say(new UserChange.Listening());
        for (int i = 0; i < 20; i++) {
            clock.advance(TIME_TO_LIVE);
            nameOf(ADAS_PHONE);
            TokenHash passing = TokenHash.of("passing-" + i);
            stored.put(passing, new UserId("u-passing-" + i), "Passing " + i);
            nameOf(passing);
        }
        assertThat(nameOf(ADAS_PHONE)).isEqualTo("Ada");
        assertThat(cached.lookupsAnsweredFromMemory()).isPositive();

        stored.put(ADAS_PHONE, ADA, "Ada Lovelace");
        feed.say(new UserChange.OfUser(ADA));

        assertThat(nameOf(ADAS_PHONE)).isEqualTo("Ada Lovelace");
    }

    @Test
    void findWhenTheFeedWasInterruptedThenNothingIsServedFromMemoryUntilItListensAgain() {
        feed.say(new UserChange.Listening());
        nameOf(ADAS_PHONE);

        feed.say(new UserChange.Interrupted());
        stored.put(ADAS_PHONE, ADA, "changed while nobody listened");
        assertThat(nameOf(ADAS_PHONE)).isEqualTo("changed while nobody listened");
        nameOf(ADAS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(3);

        feed.say(new UserChange.Listening());
        nameOf(ADAS_PHONE);
        nameOf(ADAS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(4);
    }

    @Test
    void findWhenAChangeIsHeardWhileTheStoreIsReadThenWhatWasReadIsNotKept() {
        feed.say(new UserChange.Listening());
        Sinks.Empty<Void> readDone = Sinks.empty();
        stored.readsWaitFor = readDone.asMono();
        var lookup = cached.findByTokenHash(ADAS_PHONE).toFuture();

        feed.say(new UserChange.OfUser(BOB));
        readDone.tryEmitEmpty();
        lookup.join();

        stored.readsWaitFor = Mono.empty();
        nameOf(ADAS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(2);
    }

    @Test
    void findWhenTheEntryIsAsOldAsTheTimeToLiveThenTheStoreIsReadAgain() {
        feed.say(new UserChange.Listening());
        nameOf(ADAS_PHONE);

        clock.advance(TIME_TO_LIVE.minusMillis(1));
        nameOf(ADAS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        nameOf(ADAS_PHONE);
        assertThat(stored.reads.get()).isEqualTo(2);
    }

    @Test
    void findWhenFullThenFurtherSessionsAreReadEachTimeAndTheHeldOnesStay() {
        feed.say(new UserChange.Listening());
        TokenHash fourth = TokenHash.of("bob-laptop-token");
        stored.put(fourth, BOB, "Bob");
        nameOf(ADAS_PHONE);
        nameOf(ADAS_LAPTOP);
        nameOf(BOBS_PHONE);

        nameOf(fourth);
        nameOf(fourth);
        nameOf(ADAS_PHONE);

        assertThat(stored.reads.get()).isEqualTo(5);
        assertThat(cached.size()).isEqualTo(3);
    }

    @Test
    void closeWhenFollowingThenTheFeedIsLetGo() throws Exception {
        cached.close();

        assertThat(feed.listener).isNull();
    }

    private String nameOf(TokenHash tokenHash) {
        return cached.findByTokenHash(tokenHash).map(found -> found.user().name()).block();
    }

    private static final class Feed implements UserChangeFeed {

        private Consumer<UserChange> listener;

        @Override
        public AutoCloseable follow(Consumer<UserChange> listener) {
            this.listener = listener;
            return () -> this.listener = null;
        }

        @Override
        public boolean announcesChanges() {
            return true;
        }

        void say(UserChange change) {
            listener.accept(change);
        }
    }

    /** Sessions as the database holds them, counting the lookups that reach it. */
    private static final class StoredSessions implements SessionRepository {

        final Map<TokenHash, SessionOfUser> sessions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile Mono<Void> readsWaitFor = Mono.empty();

        void put(TokenHash tokenHash, UserId userId, String name) {
            var user = TestUsers.user(userId.value()).named(name).createdAt(NOW).build();
            sessions.put(tokenHash, new SessionOfUser(TestSessions.of(user, tokenHash.hex()).build(), user));
        }

        @Override
        public Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash) {
            // the row is read at once, and answered when the store is let go on
            reads.incrementAndGet();
            SessionOfUser found = sessions.get(tokenHash);
            return readsWaitFor.then(Mono.justOrEmpty(found));
        }

        @Override
        public Mono<Void> add(Session session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> deleteByTokenHash(TokenHash tokenHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> extend(Session session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Session> findLiveOfUser(UserId userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> holdIfPresent(SessionId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> deleteOfUser(UserId userId, SessionId id, TokenHash tokenHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> deleteAllOfUser(UserId userId, SessionId keep) {
            throw new UnsupportedOperationException();
        }
    }
}

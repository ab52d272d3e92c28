package dev.momentum.auth.application.session;

import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.session.port.out.UserChangeFeed.UserChange;
import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.application.support.BoundedMap;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sessions that get-session and /token look up, held in memory for at most a time to live, so
 * that the hot path needs no database round trip (ADR-0036). A user's entries go as soon as the
 * change feed tells of a change to the user or any of their sessions, found through an index by
 * user rather than a scan (ADR-0042). While the feed is not listening nothing is served from
 * memory, and a read that overlapped any change is not kept: it may have seen the row from before
 * the change.
 */
public final class CachedSessions implements SessionRepository, AutoCloseable {

    private final SessionRepository stored;
    private final Duration timeToLive;
    private final Clock clock;
    private final BoundedMap<TokenHash, Cached> entries;
    private final int capacity;
    /** The token hashes held of each user; may still name entries that went stale since. */
    private final Map<UserId, Set<TokenHash>> byUser = new ConcurrentHashMap<>();
    /** Counts the changes heard, so that a read can tell whether one came while it was under way. */
    private final AtomicLong changesHeard = new AtomicLong();
    private volatile boolean listening;
    private final AutoCloseable following;
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder fromStore = new LongAdder();

    public CachedSessions(SessionRepository stored, UserChangeFeed changes, Duration timeToLive, int capacity,
                          Clock clock) {
        this.stored = Objects.requireNonNull(stored, "stored cannot be null");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.capacity = capacity;
        this.entries = new BoundedMap<>(capacity, timeToLive, (cached, now) -> !isFresh(cached, now));
        this.following = changes.follow(this::hear);
    }

    @Override
    public Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash) {
        if (!listening) {
            fromStore.increment();
            return stored.findByTokenHash(tokenHash);
        }
        Instant now = Instants.now(clock);
        Cached cached = entries.get(tokenHash);
        if (cached != null && isFresh(cached, now)) {
            fromMemory.increment();
            return Mono.just(cached.found());
        }
        fromStore.increment();
        long changesBefore = changesHeard.get();
        return stored.findByTokenHash(tokenHash).doOnNext(found -> keep(tokenHash, found, changesBefore, now));
    }

    private void keep(TokenHash tokenHash, SessionOfUser found, long changesBefore, Instant readAt) {
        if (!entries.hasRoomFor(tokenHash, readAt)) {
            return;
        }
        var cached = new Cached(found, readAt);
        entries.put(tokenHash, cached);
        indexByUser(found.user().id(), tokenHash);
        // checked after the put: a change heard before this line is caught here, one after it removes the entry itself
        if (!listening || changesHeard.get() != changesBefore) {
            entries.remove(tokenHash, cached);
        }
    }

    private void hear(UserChange change) {
        changesHeard.incrementAndGet();
        switch (change) {
            case UserChange.Listening heard -> {
                clear();
                this.listening = true;
            }
            case UserChange.Interrupted heard -> {
                this.listening = false;
                clear();
            }
            case UserChange.OfUser(UserId id) -> {
                Set<TokenHash> held = byUser.remove(id);
                if (held != null) {
                    held.forEach(entries::remove);
                }
            }
        }
    }

    /**
     * Indexed after the entry is put, so that {@link #forgetGoneEntries} never unindexes a held
     * entry; a change heard in between is caught by the check that follows in {@link #keep}.
     */
    private void indexByUser(UserId userId, TokenHash tokenHash) {
        if (byUser.size() > 2 * capacity) {
            forgetGoneEntries();
        }
        byUser.compute(userId, (id, held) -> {
            Set<TokenHash> hashes = held == null ? ConcurrentHashMap.newKeySet() : held;
            hashes.add(tokenHash);
            return hashes;
        });
    }

    /** Entries that went stale or were swept leave their hashes in the index; this drops them. */
    private void forgetGoneEntries() {
        byUser.keySet().forEach(userId -> byUser.computeIfPresent(userId, (id, held) -> {
            held.removeIf(tokenHash -> !entries.containsKey(tokenHash));
            return held.isEmpty() ? null : held;
        }));
    }

    private void clear() {
        entries.clear();
        byUser.clear();
    }

    /** How many sessions are held now. */
    public int size() {
        return entries.size();
    }

    /** Whether changes are heard, and so whether lookups may be answered from memory. */
    public boolean isListening() {
        return listening;
    }

    public long lookupsAnsweredFromMemory() {
        return fromMemory.sum();
    }

    public long lookupsReadFromStore() {
        return fromStore.sum();
    }

    @Override
    public void close() throws Exception {
        following.close();
    }

    @Override
    public Mono<Void> add(Session session) {
        return stored.add(session);
    }

    @Override
    public Mono<Void> deleteByTokenHash(TokenHash tokenHash) {
        return stored.deleteByTokenHash(tokenHash);
    }

    @Override
    public Mono<Void> extend(Session session) {
        return stored.extend(session);
    }

    @Override
    public Flux<Session> findLiveOfUser(UserId userId, Instant now) {
        return stored.findLiveOfUser(userId, now);
    }

    @Override
    public Mono<Boolean> holdIfPresent(SessionId id) {
        return stored.holdIfPresent(id);
    }

    @Override
    public Mono<Void> deleteOfUser(UserId userId, SessionId id, TokenHash tokenHash) {
        return stored.deleteOfUser(userId, id, tokenHash);
    }

    @Override
    public Mono<Void> deleteAllOfUser(UserId userId, SessionId keep) {
        return stored.deleteAllOfUser(userId, keep);
    }

    private boolean isFresh(Cached cached, Instant now) {
        return !now.isBefore(cached.readAt()) && now.isBefore(cached.readAt().plus(timeToLive));
    }

    private record Cached(SessionOfUser found, Instant readAt) {
    }
}

package dev.momentum.auth.application.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * A concurrent map for what one instance remembers of its clients, holding at most
 * {@code capacity} keys. When full, it drops its stale entries, at most once per
 * {@code sweepInterval} so that a flood of new keys cannot make every call a full scan; a new key
 * that still finds no room is simply not remembered.
 */
public final class BoundedMap<K, V> {

    private final int capacity;
    private final Duration sweepInterval;
    private final BiPredicate<V, Instant> isStale;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    public BoundedMap(int capacity, Duration sweepInterval, BiPredicate<V, Instant> isStale) {
        this.capacity = capacity;
        this.sweepInterval = sweepInterval;
        this.isStale = isStale;
    }

    public V get(K key) {
        return entries.get(key);
    }

    /** Whether {@code key} may be stored at {@code now}: it is there already, or there is room, if need be after a sweep. */
    public boolean hasRoomFor(K key, Instant now) {
        return entries.size() < capacity || entries.containsKey(key) || sweptRoomAt(now);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }

    public V compute(K key, BiFunction<K, V, V> update) {
        return entries.compute(key, update);
    }

    public void remove(K key) {
        entries.remove(key);
    }

    /** Removes the key only while it still maps to this very value. */
    public void remove(K key, V value) {
        entries.remove(key, value);
    }

    public boolean containsKey(K key) {
        return entries.containsKey(key);
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    private boolean sweptRoomAt(Instant now) {
        if (now.isBefore(lastSweep.plus(sweepInterval))) {
            return false;
        }
        lastSweep = now;
        entries.values().removeIf(value -> isStale.test(value, now));
        return entries.size() < capacity;
    }
}

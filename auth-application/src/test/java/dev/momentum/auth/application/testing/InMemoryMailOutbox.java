package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class InMemoryMailOutbox implements MailOutbox {

    public enum Status { PENDING, DELIVERED, FAILED }

    public static final class Entry {
        public final String id;
        public final AccountMail mail;
        public final UserId recipient;
        public final Instant createdAt;
        public volatile Status status = Status.PENDING;
        public volatile int attempts;
        public volatile Instant nextAttemptAt;
        public volatile String lastError;

        Entry(String id, AccountMail mail, UserId recipient, Instant createdAt) {
            this.id = id;
            this.mail = mail;
            this.recipient = recipient;
            this.createdAt = createdAt;
            this.nextAttemptAt = createdAt;
        }
    }

    public final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** Every mail ever queued, in order. */
    public List<AccountMail> queued() {
        return entries.values().stream().sorted(Comparator.comparing(entry -> Integer.parseInt(entry.id.substring(5))))
                .map(entry -> entry.mail).toList();
    }

    public Entry only() {
        return entries.values().stream().reduce((a, b) -> {
            throw new AssertionError("more than one mail queued");
        }).orElseThrow();
    }

    @Override
    public Mono<Void> enqueue(AccountMail mail, UserId recipient, Instant now) {
        return Mono.fromRunnable(() -> {
            String id = "mail-" + ids.incrementAndGet();
            entries.put(id, new Entry(id, mail, recipient, now));
        });
    }

    @Override
    public synchronized Flux<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Entry> due = entries.values().stream()
                .filter(entry -> entry.status == Status.PENDING && !entry.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing(entry -> entry.nextAttemptAt))
                .limit(limit)
                .toList();
        due.forEach(entry -> {
            entry.nextAttemptAt = leaseUntil;
            entry.attempts++;
        });
        return Flux.fromIterable(due).map(entry -> new QueuedMail(entry.id, entry.mail, entry.attempts,
                entry.createdAt));
    }

    @Override
    public Mono<Void> markDelivered(String id, Instant now) {
        return Mono.fromRunnable(() -> entries.get(id).status = Status.DELIVERED);
    }

    @Override
    public Mono<Void> retryAt(String id, Instant nextAttempt, String error) {
        return Mono.fromRunnable(() -> {
            entries.get(id).nextAttemptAt = nextAttempt;
            entries.get(id).lastError = error;
        });
    }

    @Override
    public Mono<Void> markFailed(String id, Instant now, String error) {
        return Mono.fromRunnable(() -> {
            entries.get(id).status = Status.FAILED;
            entries.get(id).lastError = error;
        });
    }
}

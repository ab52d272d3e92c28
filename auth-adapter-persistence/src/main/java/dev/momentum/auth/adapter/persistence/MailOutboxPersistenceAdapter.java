package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.AccountDeletionMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangedNotice;
import dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox in table {@code mail_outbox}. A claim is an optimistic update of the row's due
 * time, so it needs nothing beyond standard SQL and works the same on PostgreSQL and H2: of
 * several instances that saw the same due row, the one whose update matched took it.
 */
final class MailOutboxPersistenceAdapter implements MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutboxPersistenceAdapter.class);

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private final StorageGuard storage;
    private final SecureTokenGenerator ids;
    private final SecretSealer sealer;
    private final JsonMapper json = JsonMapper.builder().build();

    MailOutboxPersistenceAdapter(StorageGuard storage, SecureTokenGenerator ids, SecretSealer sealer) {
        this.storage = storage;
        this.ids = ids;
        this.sealer = sealer;
    }

    @Override
    public Mono<Void> enqueue(AccountMail mail, UserId recipient, Instant now) {
        return Mono.defer(() -> {
            String id = ids.newId();
            Map<String, String> fields = fieldsOf(mail);
            return storage.guard(storage.client().sql("""
                            INSERT INTO mail_outbox (id, user_id, kind, payload, status, attempts, created_at, next_attempt_at)
                            VALUES (:id, :userId, :kind, :payload, :status, 0, :now, :now)""")
                    .bind("id", id)
                    .bind("userId", recipient.value())
                    .bind("kind", fields.get("kind"))
                    .bind("payload", sealer.seal(id, json.writeValueAsBytes(fields)))
                    .bind("status", PENDING)
                    .bind("now", Timestamps.of(now))
                    .then());
        });
    }

    @Override
    public Flux<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        Flux<DueRow> due = storage.client().sql("""
                        SELECT id, payload, attempts, created_at, next_attempt_at FROM mail_outbox
                        WHERE status = :status AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit""")
                .bind("status", PENDING)
                .bind("now", Timestamps.of(now))
                .bind("limit", limit)
                .map(row -> new DueRow(row.get("id", String.class), row.get("payload", String.class),
                        row.get("attempts", Integer.class), Timestamps.read(row, "created_at"),
                        Timestamps.read(row, "next_attempt_at")))
                .all();
        return storage.guardMany(due.concatMap(row -> claim(row, leaseUntil)))
                .concatMap(row -> open(row, now));
    }

    private Mono<DueRow> claim(DueRow row, Instant leaseUntil) {
        return storage.client().sql("""
                        UPDATE mail_outbox SET next_attempt_at = :leaseUntil, attempts = attempts + 1
                        WHERE id = :id AND status = :status AND next_attempt_at = :seen""")
                .bind("leaseUntil", Timestamps.of(leaseUntil))
                .bind("id", row.id())
                .bind("status", PENDING)
                .bind("seen", Timestamps.of(row.nextAttemptAt()))
                .fetch().rowsUpdated()
                .filter(updated -> updated == 1)
                .map(claimed -> row);
    }

    /** A payload that no longer opens (the secret changed) cannot be sent by anyone: fail it, loudly. */
    private Mono<QueuedMail> open(DueRow row, Instant now) {
        AccountMail mail;
        try {
            mail = mailOf(json.readValue(sealer.open(row.id(), row.payload()), Map.class));
        } catch (RuntimeException e) {
            LOG.error("Queued mail {} is given up: {}", row.id(), e.getMessage());
            return markFailed(row.id(), now, e.getMessage()).then(Mono.empty());
        }
        return Mono.just(new QueuedMail(row.id(), mail, row.attempts() + 1, row.createdAt()));
    }

    @Override
    public Mono<Void> markDelivered(String id, Instant now) {
        return finish(id, DELIVERED, now, null);
    }

    @Override
    public Mono<Void> markFailed(String id, Instant now, String error) {
        return finish(id, FAILED, now, error);
    }

    /** A finished mail keeps no payload: its links must not outlive their use. */
    private Mono<Void> finish(String id, String status, Instant now, String error) {
        return storage.guard(storage.client().sql("""
                        UPDATE mail_outbox SET status = :status, finished_at = :now, payload = '', last_error = :error
                        WHERE id = :id""")
                .bind("status", status)
                .bind("now", Timestamps.of(now))
                .bind("error", org.springframework.r2dbc.core.Parameter.fromOrEmpty(abbreviate(error), String.class))
                .bind("id", id)
                .then());
    }

    @Override
    public Mono<Void> retryAt(String id, Instant nextAttempt, String error) {
        return storage.guard(storage.client().sql(
                        "UPDATE mail_outbox SET next_attempt_at = :next, last_error = :error WHERE id = :id AND status = :status")
                .bind("next", Timestamps.of(nextAttempt))
                .bind("error", abbreviate(error))
                .bind("id", id)
                .bind("status", PENDING)
                .then());
    }

    private static String abbreviate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    private static Map<String, String> fieldsOf(AccountMail mail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to", mail.to().value());
        fields.put("name", mail.recipientName());
        switch (mail) {
            case VerificationMail m -> fields.putAll(Map.of("kind", "VERIFICATION", "link", m.link().toString()));
            case PasswordResetMail m -> fields.putAll(Map.of("kind", "PASSWORD_RESET", "link", m.link().toString()));
            case EmailChangeMail m -> fields.putAll(Map.of("kind", "EMAIL_CHANGE", "link", m.link().toString()));
            case AccountDeletionMail m -> fields.putAll(Map.of("kind", "ACCOUNT_DELETION", "link", m.link().toString()));
            case EmailChangedNotice m -> fields.putAll(Map.of("kind", "EMAIL_CHANGED", "newEmail", m.newEmail().value()));
            case SecondFactorCodeMail m -> fields.putAll(Map.of("kind", "SECOND_FACTOR_CODE", "code", m.code()));
        }
        return fields;
    }

    private static AccountMail mailOf(Map<?, ?> fields) {
        EmailAddress to = address(fields.get("to"));
        String name = (String) fields.get("name");
        return switch ((String) fields.get("kind")) {
            case "VERIFICATION" -> new VerificationMail(to, name, link(fields));
            case "PASSWORD_RESET" -> new PasswordResetMail(to, name, link(fields));
            case "EMAIL_CHANGE" -> new EmailChangeMail(to, name, link(fields));
            case "ACCOUNT_DELETION" -> new AccountDeletionMail(to, name, link(fields));
            case "EMAIL_CHANGED" -> new EmailChangedNotice(to, name, address(fields.get("newEmail")));
            case "SECOND_FACTOR_CODE" -> new SecondFactorCodeMail(to, name, (String) fields.get("code"));
            default -> throw new IllegalStateException("unknown mail kind " + fields.get("kind"));
        };
    }

    private static URI link(Map<?, ?> fields) {
        return URI.create((String) fields.get("link"));
    }

    private static EmailAddress address(Object value) {
        return EmailAddress.parse((String) value).orElseThrow(() -> new IllegalStateException("bad queued address"));
    }

    private record DueRow(String id, String payload, int attempts, Instant createdAt, Instant nextAttemptAt) {
    }
}

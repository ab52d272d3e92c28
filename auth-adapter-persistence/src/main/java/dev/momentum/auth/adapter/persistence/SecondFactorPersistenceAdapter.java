package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

final class SecondFactorPersistenceAdapter implements SecondFactors {

    private final StorageGuard storage;

    SecondFactorPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<SecondFactor> find(UserId user) {
        return storage.guard(storage.client().sql("""
                        SELECT enforced, totp_secret, totp_verified, backup_codes, last_accepted_step, locked_until,
                          created_at
                        FROM second_factors WHERE user_id = :userId""")
                .bind("userId", user.value())
                .map(row -> {
                    Long step = row.get("last_accepted_step", Long.class);
                    return new SecondFactor(user, Boolean.TRUE.equals(row.get("enforced", Boolean.class)),
                            row.get("totp_secret", String.class), Boolean.TRUE.equals(row.get("totp_verified", Boolean.class)),
                            row.get("backup_codes", String.class),
                            step == null ? OptionalLong.empty() : OptionalLong.of(step),
                            Optional.ofNullable(Timestamps.read(row, "locked_until")), Timestamps.read(row, "created_at"));
                })
                .one());
    }

    /** An unverified enrolment is replaced; a new one is inserted unless another request's came first. */
    @Override
    public Mono<Boolean> enrolTotp(UserId user, String sealedSecret, String sealedBackupCodes, Instant now) {
        Mono<Long> replaced = storage.guard(storage.client().sql("""
                        UPDATE second_factors SET totp_secret = :secret, backup_codes = :codes, created_at = :now,
                          last_accepted_step = NULL
                        WHERE user_id = :userId AND NOT totp_verified""")
                .bind("secret", sealedSecret)
                .bind("codes", Parameter.fromOrEmpty(sealedBackupCodes, String.class))
                .bind("now", Timestamps.of(now))
                .bind("userId", user.value())
                .fetch().rowsUpdated());
        Mono<Long> inserted = storage.guard(storage.client().sql("""
                        INSERT INTO second_factors (user_id, totp_secret, backup_codes, enforced, totp_verified, created_at)
                        VALUES (:userId, :secret, :codes, FALSE, FALSE, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("userId", user.value())
                .bind("secret", sealedSecret)
                .bind("codes", Parameter.fromOrEmpty(sealedBackupCodes, String.class))
                .bind("now", Timestamps.of(now))
                .fetch().rowsUpdated());
        return replaced.flatMap(count -> count == 1 ? Mono.just(1L) : inserted).map(count -> count == 1);
    }

    /** The row lock makes racing updates wait; each then sees the step the winner wrote. */
    @Override
    public Mono<Boolean> acceptStep(UserId user, long step) {
        return storage.guard(storage.client().sql("""
                        UPDATE second_factors SET last_accepted_step = :step, totp_verified = TRUE, enforced = TRUE
                        WHERE user_id = :userId AND totp_secret IS NOT NULL
                          AND (last_accepted_step IS NULL OR last_accepted_step < :step)""")
                .bind("step", step)
                .bind("userId", user.value())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    @Override
    public Mono<Boolean> replaceBackupCodes(UserId user, String expectedSealedCodes, String sealedCodes) {
        return storage.guard(storage.client().sql("""
                        UPDATE second_factors SET backup_codes = :codes
                        WHERE user_id = :userId AND backup_codes IS NOT DISTINCT FROM :expected""")
                .bind("codes", sealedCodes)
                .bind("userId", user.value())
                .bind("expected", Parameter.fromOrEmpty(expectedSealedCodes, String.class))
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    /**
     * Counts the failure unless it is the one that reaches {@code allowed}; that one locks and
     * starts the count again. Each statement is atomic under the row lock, so of racing failures
     * exactly one locks; one that found the count reset by that lock is counted afresh.
     */
    @Override
    public Mono<Boolean> recordFailure(UserId user, int allowed, Instant lockUntil) {
        Mono<Boolean> counted = storage.guard(storage.client().sql("""
                        UPDATE second_factors SET failed_verifications = failed_verifications + 1
                        WHERE user_id = :userId AND failed_verifications + 1 < :allowed""")
                .bind("userId", user.value())
                .bind("allowed", allowed)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
        Mono<Boolean> locked = storage.guard(storage.client().sql("""
                        UPDATE second_factors SET failed_verifications = 0, locked_until = :lockUntil
                        WHERE user_id = :userId AND failed_verifications + 1 >= :allowed""")
                .bind("lockUntil", Timestamps.of(lockUntil))
                .bind("userId", user.value())
                .bind("allowed", allowed)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
        return counted.flatMap(wasCounted -> wasCounted ? Mono.just(false)
                : locked.flatMap(wasLocked -> wasLocked ? Mono.just(true) : counted.thenReturn(false)));
    }

    @Override
    public Mono<Void> clearFailures(UserId user) {
        return storage.guard(storage.client().sql("""
                        UPDATE second_factors SET failed_verifications = 0 WHERE user_id = :userId AND failed_verifications > 0""")
                .bind("userId", user.value())
                .then());
    }

    /** An existing row (an authenticator app, enrolled or not) is enabled; otherwise one without an app is made. */
    @Override
    public Mono<Void> enableMailedCodes(UserId user, Instant now) {
        Mono<Long> enabled = storage.guard(storage.client().sql(
                        "UPDATE second_factors SET enforced = TRUE WHERE user_id = :userId")
                .bind("userId", user.value())
                .fetch().rowsUpdated());
        Mono<Long> inserted = storage.guard(storage.client().sql("""
                        INSERT INTO second_factors (user_id, enforced, totp_verified, created_at)
                        VALUES (:userId, TRUE, FALSE, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("userId", user.value())
                .bind("now", Timestamps.of(now))
                .fetch().rowsUpdated());
        return enabled.flatMap(count -> count == 1 ? Mono.empty() : inserted.then(enabled)).then();
    }

    @Override
    public Mono<Boolean> remove(UserId user) {
        return storage.guard(storage.client().sql("DELETE FROM second_factors WHERE user_id = :userId")
                .bind("userId", user.value())
                .fetch().rowsUpdated()
                .map(deleted -> deleted == 1));
    }
}

package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Locale;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users as administrators see them. The search is a case-insensitive substring match on address and
 * name: a scan of the table, fine for an admin screen; a full-text index would be the next step.
 */
final class UserAdministrationPersistenceAdapter implements UserAdministration {

    private static final String SELECT = "SELECT " + UserRows.COLUMNS + ", u.disabled_reason FROM users u ";
    private static final String MATCHES = "WHERE lower(u.email) LIKE :pattern ESCAPE '!' OR lower(u.name) LIKE :pattern ESCAPE '!'";

    private final StorageGuard storage;

    UserAdministrationPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Flux<AdministeredUser> search(String text, int limit, long offset) {
        return storage.guardMany(storage.client().sql(SELECT + MATCHES + " ORDER BY u.created_at, u.id LIMIT :limit OFFSET :offset")
                .bind("pattern", containing(text))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(UserAdministrationPersistenceAdapter::read)
                .all());
    }

    @Override
    public Mono<Long> count(String text) {
        return storage.guard(storage.client().sql("SELECT COUNT(*) AS n FROM users u " + MATCHES)
                .bind("pattern", containing(text))
                .map(row -> row.get("n", Long.class))
                .one());
    }

    @Override
    public Mono<AdministeredUser> find(UserId id) {
        return storage.guard(storage.client().sql(SELECT + "WHERE u.id = :id")
                .bind("id", id.value())
                .map(UserAdministrationPersistenceAdapter::read)
                .one());
    }

    @Override
    public Mono<Boolean> setDisabled(UserId id, boolean disabled, String reason, Instant now) {
        return storage.guard(storage.client().sql(
                        "UPDATE users SET disabled = :disabled, disabled_reason = :reason, updated_at = :now WHERE id = :id")
                .bind("disabled", disabled)
                .bind("reason", Parameter.fromOrEmpty(disabled ? reason : null, String.class))
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    @Override
    public Mono<Boolean> setRole(UserId id, String role, Instant now) {
        return storage.guard(storage.client()
                .sql("UPDATE users SET role = :role, updated_at = :now WHERE id = :id")
                .bind("role", Parameter.fromOrEmpty(role, String.class))
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    private static AdministeredUser read(Readable row) {
        return new AdministeredUser(UserRows.read(row), row.get("disabled_reason", String.class));
    }

    /** A LIKE pattern for the text anywhere, its own % and _ taken literally. */
    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}

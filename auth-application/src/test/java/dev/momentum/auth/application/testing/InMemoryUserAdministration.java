package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What administrators read and change, kept beside the users of an {@link InMemoryUsers}. */
public final class InMemoryUserAdministration implements UserAdministration {

    private final InMemoryUsers users;
    private final Map<UserId, String> disabledReasons = new ConcurrentHashMap<>();

    public InMemoryUserAdministration(InMemoryUsers users) {
        this.users = users;
    }

    @Override
    public Flux<AdministeredUser> search(String text, int limit, long offset) {
        return Flux.fromStream(() -> matching(text).skip(offset).limit(limit).map(this::administered));
    }

    @Override
    public Mono<Long> count(String text) {
        return Mono.fromSupplier(() -> matching(text).count());
    }

    @Override
    public Mono<AdministeredUser> find(UserId id) {
        return Mono.justOrEmpty(users.users.get(id)).map(this::administered);
    }

    @Override
    public Mono<Boolean> setDisabled(UserId id, boolean disabled, String reason, Instant now) {
        return Mono.fromSupplier(() -> users.users.computeIfPresent(id, (key, user) -> new User(user.id(), user.name(),
                user.email(), user.emailVerified(), user.image(), user.createdAt(), now, user.role(), disabled,
                user.twoFactorEnabled())) != null)
                .doOnNext(found -> {
                    if (found && disabled) {
                        disabledReasons.put(id, reason);
                    } else {
                        disabledReasons.remove(id);
                    }
                });
    }

    @Override
    public Mono<Boolean> setRole(UserId id, String role, Instant now) {
        return Mono.fromSupplier(() -> users.users.computeIfPresent(id, (key, user) -> user.withRole(role)) != null);
    }

    private Stream<User> matching(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return users.users.values().stream()
                .filter(user -> user.email().value().contains(needle) || user.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(User::createdAt).thenComparing(user -> user.id().value()));
    }

    private AdministeredUser administered(User user) {
        return new AdministeredUser(user, disabledReasons.get(user.id()));
    }
}

package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * Second factors in a map; each change is one atomic step on its entry, as the database's row
 * lock makes it. The users' {@code twoFactorEnabled} follows the factors, as the database derives it.
 */
public final class InMemorySecondFactors implements SecondFactors {

    public final Map<UserId, SecondFactor> factors = new ConcurrentHashMap<>();
    public final Map<UserId, Integer> failures = new ConcurrentHashMap<>();
    private final Map<UserId, User> users;

    public InMemorySecondFactors(InMemoryUsers users) {
        this.users = users.users;
    }

    @Override
    public Mono<SecondFactor> find(UserId user) {
        return Mono.fromSupplier(() -> factors.get(user));
    }

    @Override
    public Mono<Boolean> enrolTotp(UserId user, String sealedSecret, String sealedBackupCodes, Instant now) {
        return Mono.fromSupplier(() -> {
            boolean[] enrolled = {false};
            factors.compute(user, (id, existing) -> {
                if (existing != null && existing.totpVerified()) {
                    return existing;
                }
                enrolled[0] = true;
                return new SecondFactor(id, existing != null && existing.enabled(), sealedSecret, false,
                        sealedBackupCodes, OptionalLong.empty(), Optional.empty(), now);
            });
            return enrolled[0];
        });
    }

    @Override
    public Mono<Boolean> acceptStep(UserId user, long step) {
        return changed(user, factor -> factor.sealedSecret() == null || factor.lastAcceptedStep().isPresent()
                && factor.lastAcceptedStep().getAsLong() >= step ? factor
                : new SecondFactor(factor.userId(), true, factor.sealedSecret(), true, factor.sealedBackupCodes(),
                        OptionalLong.of(step), factor.lockedUntil(), factor.createdAt()));
    }

    @Override
    public Mono<Boolean> replaceBackupCodes(UserId user, String expectedSealedCodes, String sealedCodes) {
        return changed(user, factor -> !Objects.equals(expectedSealedCodes, factor.sealedBackupCodes()) ? factor
                : new SecondFactor(factor.userId(), factor.enabled(), factor.sealedSecret(), factor.totpVerified(),
                        sealedCodes, factor.lastAcceptedStep(), factor.lockedUntil(), factor.createdAt()));
    }

    @Override
    public Mono<Boolean> recordFailure(UserId user, int allowed, Instant lockUntil) {
        return Mono.fromSupplier(() -> {
            boolean[] locked = {false};
            factors.computeIfPresent(user, (id, factor) -> {
                int count = failures.merge(id, 1, Integer::sum);
                if (count < allowed) {
                    return factor;
                }
                failures.put(id, 0);
                locked[0] = true;
                return new SecondFactor(id, factor.enabled(), factor.sealedSecret(), factor.totpVerified(),
                        factor.sealedBackupCodes(), factor.lastAcceptedStep(), Optional.of(lockUntil), factor.createdAt());
            });
            return locked[0];
        });
    }

    @Override
    public Mono<Void> clearFailures(UserId user) {
        return Mono.fromRunnable(() -> failures.remove(user));
    }

    @Override
    public Mono<Void> enableMailedCodes(UserId user, Instant now) {
        return Mono.fromRunnable(() -> {
            factors.merge(user, new SecondFactor(user, true, null, false, null, OptionalLong.empty(), Optional.empty(),
                    now), (existing, fresh) -> new SecondFactor(user, true, existing.sealedSecret(),
                    existing.totpVerified(), existing.sealedBackupCodes(), existing.lastAcceptedStep(),
                    existing.lockedUntil(), existing.createdAt()));
            follow(user);
        });
    }

    @Override
    public Mono<Boolean> remove(UserId user) {
        return Mono.fromSupplier(() -> {
            boolean removed = factors.remove(user) != null;
            follow(user);
            return removed;
        });
    }

    /** True when the change made a new factor of the user's, which the user's flag then follows. */
    private Mono<Boolean> changed(UserId user, UnaryOperator<SecondFactor> change) {
        return Mono.fromSupplier(() -> {
            boolean[] changed = {false};
            factors.computeIfPresent(user, (id, factor) -> {
                SecondFactor after = change.apply(factor);
                changed[0] = after != factor;
                return after;
            });
            follow(user);
            return changed[0];
        });
    }

    private void follow(UserId user) {
        boolean enabled = Optional.ofNullable(factors.get(user)).map(SecondFactor::enabled).orElse(false);
        users.computeIfPresent(user, (id, u) -> u.twoFactorEnabled() == enabled ? u : new User(u.id(), u.name(),
                u.email(), u.emailVerified(), u.image(), u.createdAt(), u.updatedAt(), u.role(), u.disabled(), enabled));
    }
}

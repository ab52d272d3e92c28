package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.domain.twofactor.TotpFactor;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Second factors in a map; each change is one atomic step on its entry, as the database's row lock makes it. */
public final class InMemorySecondFactors implements SecondFactors {

    public final Map<UserId, TotpFactor> factors = new ConcurrentHashMap<>();

    @Override
    public Mono<TotpFactor> findTotp(UserId user) {
        return Mono.fromSupplier(() -> factors.get(user));
    }

    @Override
    public Mono<Boolean> enrolTotp(UserId user, String sealedSecret, String sealedBackupCodes, Instant now) {
        var enrolment = new TotpFactor(user, sealedSecret, sealedBackupCodes, false, OptionalLong.empty(), now);
        return Mono.fromSupplier(() -> factors.compute(user, (id, existing) ->
                existing == null || !existing.verified() ? enrolment : existing) == enrolment);
    }

    @Override
    public Mono<Boolean> acceptStep(UserId user, long step) {
        return Mono.fromSupplier(() -> {
            boolean[] accepted = {false};
            factors.computeIfPresent(user, (id, factor) -> {
                if (factor.lastAcceptedStep().isPresent() && factor.lastAcceptedStep().getAsLong() >= step) {
                    return factor;
                }
                accepted[0] = true;
                return new TotpFactor(id, factor.sealedSecret(), factor.sealedBackupCodes(), true, OptionalLong.of(step),
                        factor.createdAt());
            });
            return accepted[0];
        });
    }

    @Override
    public Mono<Boolean> replaceBackupCodes(UserId user, String expectedSealedCodes, String sealedCodes) {
        return Mono.fromSupplier(() -> {
            boolean[] replaced = {false};
            factors.computeIfPresent(user, (id, factor) -> {
                if (!expectedSealedCodes.equals(factor.sealedBackupCodes())) {
                    return factor;
                }
                replaced[0] = true;
                return new TotpFactor(id, factor.sealedSecret(), sealedCodes, factor.verified(), factor.lastAcceptedStep(),
                        factor.createdAt());
            });
            return replaced[0];
        });
    }
}

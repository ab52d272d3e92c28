package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Passkeys and ceremony challenges in maps; each change one atomic step on its entry. */
public final class InMemoryPasskeys implements Passkeys, PasskeyChallenges {

    public final Map<String, Passkey> passkeys = new ConcurrentHashMap<>();
    private final Map<TokenHash, Challenge> challenges = new ConcurrentHashMap<>();

    private record Challenge(Ceremony ceremony, Optional<UserId> user, Instant expiresAt) {
    }

    @Override
    public Mono<Boolean> add(Passkey passkey) {
        return Mono.fromSupplier(() -> {
            synchronized (passkeys) {
                if (passkeys.values().stream().anyMatch(p -> p.credentialId().equals(passkey.credentialId()))) {
                    return false;
                }
                passkeys.put(passkey.id(), passkey);
                return true;
            }
        });
    }

    @Override
    public Mono<Passkey> findByCredentialId(String credentialId) {
        return Mono.justOrEmpty(passkeys.values().stream().filter(p -> p.credentialId().equals(credentialId)).findFirst());
    }

    @Override
    public Flux<Passkey> listOf(UserId user) {
        return Flux.fromStream(() -> passkeys.values().stream().filter(p -> p.userId().equals(user))
                .sorted(Comparator.comparing(Passkey::createdAt).thenComparing(Passkey::id)));
    }

    @Override
    public Mono<Boolean> advanceCounter(String id, long expected, long counter) {
        return Mono.fromSupplier(() -> {
            boolean[] advanced = {false};
            passkeys.computeIfPresent(id, (key, p) -> {
                if (p.counter() != expected) {
                    return p;
                }
                advanced[0] = true;
                return new Passkey(p.id(), p.userId(), p.name(), p.credentialId(), p.publicKey(), counter, p.deviceType(),
                        p.backedUp(), p.transports(), p.aaguid(), p.createdAt());
            });
            return advanced[0];
        });
    }

    @Override
    public Mono<Passkey> rename(UserId user, String id, String name) {
        return Mono.fromSupplier(() -> passkeys.computeIfPresent(id, (key, p) -> !p.userId().equals(user) ? p
                        : new Passkey(p.id(), p.userId(), name, p.credentialId(), p.publicKey(), p.counter(), p.deviceType(),
                                p.backedUp(), p.transports(), p.aaguid(), p.createdAt())))
                .filter(p -> p.userId().equals(user));
    }

    @Override
    public Mono<Boolean> delete(UserId user, String id) {
        return Mono.fromSupplier(() -> {
            Passkey found = passkeys.get(id);
            return found != null && found.userId().equals(user) && passkeys.remove(id, found);
        });
    }

    @Override
    public Mono<Void> open(TokenHash challenge, Ceremony ceremony, Optional<UserId> user, Instant expiresAt) {
        return Mono.fromRunnable(() -> challenges.put(challenge, new Challenge(ceremony, user, expiresAt)));
    }

    @Override
    public Mono<Opened> consume(TokenHash challenge, Ceremony ceremony, Instant now) {
        return Mono.fromSupplier(() -> {
            Challenge found = challenges.get(challenge);
            boolean open = found != null && found.ceremony() == ceremony && now.isBefore(found.expiresAt());
            return open && challenges.remove(challenge, found) ? new Opened(found.user()) : null;
        });
    }
}

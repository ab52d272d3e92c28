package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.domain.credential.PasswordHash;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A fast, reversible stand-in for Argon2id that counts how often each operation ran. */
public final class CountingPasswordHasher implements PasswordHasher {

    public static final String CURRENT = "$fake$v=2$";
    public final AtomicInteger hashes = new AtomicInteger();
    public final AtomicInteger checks = new AtomicInteger();

    @Override
    public Mono<PasswordHash> hash(String password) {
        hashes.incrementAndGet();
        return Mono.just(new PasswordHash(CURRENT + HexFormat.of().formatHex(password.getBytes())));
    }

    @Override
    public Mono<Boolean> matches(String password, PasswordHash hash) {
        checks.incrementAndGet();
        String encoded = hash.encoded();
        return Mono.just(encoded.substring(encoded.lastIndexOf('$') + 1)
                .equals(HexFormat.of().formatHex(password.getBytes())));
    }

    @Override
    public Mono<Boolean> matchesNothing(String password) {
        checks.incrementAndGet();
        return Mono.just(false);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith(CURRENT);
    }
}

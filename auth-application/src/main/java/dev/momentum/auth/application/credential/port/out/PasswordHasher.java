package dev.momentum.auth.application.credential.port.out;

import dev.momentum.auth.domain.credential.PasswordHash;
import reactor.core.publisher.Mono;

/** Slow, salted password hashing, done off the caller's thread on a bounded pool. */
public interface PasswordHasher {

    Mono<PasswordHash> hash(String password);

    Mono<Boolean> matches(String password, PasswordHash hash);

    /** Costs what {@link #matches} costs and always emits false: for sign-ins of unknown users. */
    Mono<Boolean> matchesNothing(String password);

    /** True when the hash was made with other parameters than the ones configured now. */
    boolean needsRehash(PasswordHash hash);
}

package dev.momentum.auth.adapter.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Factory;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.HashingOverloadedException;
import dev.momentum.auth.domain.credential.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id from the reference C library (libargon2, bundled by argon2-jvm), on a pool of one
 * thread per core with a bounded queue: hashing never runs on an event-loop thread, and a flood of
 * sign-ins is refused with {@link HashingOverloadedException} instead of queueing without bound.
 * Each hash's 19 MiB is the C library's, taken and given back outside the Java heap (ADR-0037).
 * Hashes imported from better-auth (scrypt) are checked too, and {@link #needsRehash} says they
 * are to be replaced (ADR-0040).
 */
public final class Argon2idPasswordHasher implements PasswordHasher, AutoCloseable {

    private final Argon2Parameters parameters;
    private final Argon2Advanced argon2;
    private final String parameterPrefix;
    private final PasswordHash decoy;
    private final BetterAuthScrypt betterAuthScrypt = new BetterAuthScrypt();
    private final ThreadPoolExecutor executor;
    private final Scheduler scheduler;

    public Argon2idPasswordHasher(Argon2Parameters parameters, int threads, int queueCapacity) {
        this.parameters = Objects.requireNonNull(parameters, "parameters cannot be null");
        this.argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id, parameters.saltLength(),
                parameters.hashLength());
        this.parameterPrefix = "$argon2id$v=19$m=%d,t=%d,p=%d$".formatted(parameters.memoryKiB(),
                parameters.iterations(), parameters.parallelism());
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "password-hashing-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.scheduler = Schedulers.fromExecutorService(executor, "password-hashing");
        this.decoy = decoy(parameters, parameterPrefix);
    }

    /**
     * A hash in the configured form whose salt and digest are random bytes: checking a password
     * against it costs exactly one real check, and nothing matches it. Unlike hashing a random
     * value, it costs nothing at start.
     */
    private static PasswordHash decoy(Argon2Parameters parameters, String parameterPrefix) {
        var random = new SecureRandom();
        byte[] salt = new byte[parameters.saltLength()];
        byte[] digest = new byte[parameters.hashLength()];
        random.nextBytes(salt);
        random.nextBytes(digest);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(parameterPrefix + base64.encodeToString(salt) + "$" + base64.encodeToString(digest));
    }

    PasswordHash decoy() {
        return decoy;
    }

    /** How many hashes and checks the pool has finished. */
    long finishedOnThePool() {
        return executor.getCompletedTaskCount();
    }

    /** How many hashes and checks the pool has been given. */
    long givenToThePool() {
        return executor.getTaskCount();
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public Mono<PasswordHash> hash(String password) {
        return offload(() -> new PasswordHash(argon2.hash(parameters.iterations(), parameters.memoryKiB(),
                parameters.parallelism(), normalize(password).toCharArray(), StandardCharsets.UTF_8)));
    }

    @Override
    public Mono<Boolean> matches(String password, PasswordHash hash) {
        if (BetterAuthScrypt.isOne(hash)) {
            return offload(() -> betterAuthScrypt.matches(password, hash));
        }
        return offload(() -> {
            try {
                return argon2.verify(hash.encoded(), normalize(password).toCharArray(), StandardCharsets.UTF_8);
            } catch (IllegalStateException unreadable) {
                // libargon2 could not decode the stored hash: nothing matches it
                return false;
            }
        });
    }

    @Override
    public Mono<Boolean> matchesNothing(String password) {
        return matches(password, decoy).map(ignored -> false);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith(parameterPrefix);
    }

    /** NFKC, as better-auth normalises before hashing, so "ﬁ" and "fi" are the same password. */
    private static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> Mono<T> offload(Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(scheduler)
                .onErrorMap(RejectedExecutionException.class,
                        rejected -> new HashingOverloadedException("every password-hashing slot is busy"));
    }

    @Override
    public void close() {
        scheduler.dispose();
        executor.shutdownNow();
    }
}

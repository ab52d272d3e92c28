package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.user.port.out.UserRepository;
import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class InMemoryUsers implements UserRepository {

    public final Map<UserId, User> users = new ConcurrentHashMap<>();
    public final Map<UserId, PasswordHash> hashes = new ConcurrentHashMap<>();
    /** Users with a second factor brought over from better-auth. */
    public final Set<UserId> secondFactors = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized Mono<Boolean> addIfEmailFree(User user, PasswordHash passwordHash) {
        return Mono.fromCallable(() -> {
            if (users.values().stream().anyMatch(u -> u.email().equals(user.email()))) {
                return false;
            }
            users.put(user.id(), user);
            hashes.put(user.id(), passwordHash);
            return true;
        });
    }

    private PasswordCredential credentialOf(User user) {
        return new PasswordCredential(user, hashes.get(user.id()), secondFactors.contains(user.id()));
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return Mono.justOrEmpty(users.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.justOrEmpty(users.get(id));
    }

    @Override
    public Mono<PasswordCredential> findCredentialByEmail(EmailAddress email) {
        return findByEmail(email).map(this::credentialOf);
    }

    @Override
    public Mono<PasswordCredential> findCredentialById(UserId id) {
        return findById(id).map(this::credentialOf);
    }

    @Override
    public Mono<Void> updateProfile(UserId id, UserProfile profile, Instant now) {
        return Mono.fromRunnable(() -> users.computeIfPresent(id, (key, user) -> user.withProfile(profile, now)));
    }

    @Override
    public Mono<Void> markEmailVerified(UserId id, Instant now) {
        return Mono.fromRunnable(() -> users.computeIfPresent(id, (key, user) -> user.withEmailVerified(now)));
    }

    @Override
    public Flux<LinkedAccount> findAccounts(UserId id) {
        return Mono.justOrEmpty(users.get(id))
                .map(user -> new LinkedAccount("account-" + id, id, "credential", id.value(), user.createdAt(),
                        user.updatedAt()))
                .flux();
    }

    @Override
    public Mono<Void> replacePasswordHash(UserId id, PasswordHash passwordHash, Instant now) {
        return Mono.fromRunnable(() -> hashes.put(id, passwordHash));
    }

    @Override
    public synchronized Mono<Boolean> changeEmailIfFree(UserId id, EmailAddress email, Instant now) {
        return Mono.fromCallable(() -> {
            if (users.values().stream().anyMatch(u -> u.email().equals(email))) {
                return false;
            }
            users.computeIfPresent(id, (key, user) -> user.withVerifiedEmail(email, now));
            return true;
        });
    }

    @Override
    public Mono<Void> delete(UserId id) {
        return Mono.fromRunnable(() -> {
            users.remove(id);
            hashes.remove(id);
        });
    }
}

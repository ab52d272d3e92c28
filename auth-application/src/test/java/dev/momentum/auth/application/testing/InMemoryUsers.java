package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.port.out.EmailOwnership;
import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class InMemoryUsers implements UserLookup, UserRegistry, PasswordCredentials, EmailOwnership, AccountDetails {

    public final Map<UserId, User> users = new ConcurrentHashMap<>();
    public final Map<UserId, PasswordHash> hashes = new ConcurrentHashMap<>();
    /** The methods called, in order: what a use case asked of the store. */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Mono<Boolean> addIfEmailFree(User user, PasswordHash passwordHash) {
        calls.add("addIfEmailFree");
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
        return new PasswordCredential(user, hashes.get(user.id()));
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        calls.add("findByEmail");
        return byEmail(email);
    }

    private Mono<User> byEmail(EmailAddress email) {
        return Mono.justOrEmpty(users.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public Mono<User> findById(UserId id) {
        calls.add("findById");
        return Mono.justOrEmpty(users.get(id));
    }

    @Override
    public Mono<PasswordCredential> findCredentialByEmail(EmailAddress email) {
        calls.add("findCredentialByEmail");
        return byEmail(email).map(this::credentialOf);
    }

    @Override
    public Mono<PasswordCredential> findCredentialById(UserId id) {
        calls.add("findCredentialById");
        return Mono.justOrEmpty(users.get(id)).map(this::credentialOf);
    }

    @Override
    public Mono<Void> updateProfile(UserId id, UserProfile profile, Instant now) {
        calls.add("updateProfile");
        return Mono.fromRunnable(() -> users.computeIfPresent(id, (key, user) -> user.withProfile(profile, now)));
    }

    @Override
    public Mono<Void> markEmailVerified(UserId id, Instant now) {
        calls.add("markEmailVerified");
        return Mono.fromRunnable(() -> users.computeIfPresent(id, (key, user) -> user.withEmailVerified(now)));
    }

    @Override
    public Flux<LinkedAccount> findAccounts(UserId id) {
        calls.add("findAccounts");
        return Mono.justOrEmpty(users.get(id))
                .map(user -> new LinkedAccount("account-" + id, id, "credential", id.value(), user.createdAt(),
                        user.updatedAt()))
                .flux();
    }

    @Override
    public Mono<Void> replacePasswordHash(UserId id, PasswordHash passwordHash, Instant now) {
        calls.add("replacePasswordHash");
        return Mono.fromRunnable(() -> hashes.put(id, passwordHash));
    }

    @Override
    public synchronized Mono<Boolean> changeEmailIfFree(UserId id, EmailAddress email, Instant now) {
        calls.add("changeEmailIfFree");
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
        calls.add("delete");
        return Mono.fromRunnable(() -> {
            users.remove(id);
            hashes.remove(id);
        });
    }
}

package dev.momentum.auth.application.signing;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.RotateSigningKeysUseCase;
import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.signing.JwtClaims;
import dev.momentum.auth.domain.signing.KeyRotation;
import dev.momentum.auth.domain.signing.PublishedKeys;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signing keys in memory: tokens are signed and the key set is served without a database
 * read. {@link #refresh} (at start and then periodically) reloads them from the store and, when
 * the rotation says so, adds the successor; of several instances doing that at once, one adds it
 * and the others load it.
 */
public final class SigningKeyRing implements PublishedKeysQuery {

    private static final System.Logger LOG = System.getLogger(SigningKeyRing.class.getName());

    private final SigningKeyStore store;
    private final TokenSigning signing;
    private final SecureTokenGenerator ids;
    private final KeyRotation rotation;
    private final SigningAlgorithm algorithm;
    private final SecurityEvents events;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), PublishedKeys.of(List.of()),
            PublishedKeys.of(List.of()));

    public SigningKeyRing(SigningKeyStore store, TokenSigning signing, SecureTokenGenerator ids, KeyRotation rotation,
                          SigningAlgorithm algorithm, Clock clock, SecurityEvents events) {
        this.store = Objects.requireNonNull(store, "store cannot be null");
        this.signing = Objects.requireNonNull(signing, "signing cannot be null");
        this.ids = Objects.requireNonNull(ids, "ids cannot be null");
        this.rotation = Objects.requireNonNull(rotation, "rotation cannot be null");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    Mono<Void> refresh() {
        return store.findAll().collectList()
                .flatMap(stored -> rotation.successorDueAt(keysOf(stored), Instants.now(clock))
                        .map(successor -> addSuccessor(successor, null).then(store.findAll().collectList()))
                        .orElse(Mono.just(stored)))
                .flatMap(this::install)
                .then();
    }

    /** Adds a key that signs from now on (see {@link RotateSigningKeysUseCase}); answers its id. */
    Mono<String> rotateNow(UserId administrator) {
        return store.findAll().collectList()
                .flatMap(stored -> addSuccessor(rotation.immediateSuccessor(keysOf(stored), Instants.now(clock)),
                        administrator))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.CONFLICT)))
                .flatMap(added -> store.findAll().collectList().flatMap(this::install).thenReturn(added.id()));
    }

    /**
     * The key added for the successor; empty when another instance added that generation first.
     * Its id and key pair are made off the event loop: the first use of the system's random source
     * may read /dev/random (NoBlockingIT caught it).
     */
    private Mono<SigningKey> addSuccessor(KeyRotation.Successor successor, UserId administrator) {
        return Mono.fromCallable(() -> signing.generate(new SigningKey(ids.newId(), successor.generation(), algorithm,
                        Instants.now(clock), successor.activeFrom())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(generated -> store.addIfGenerationFree(generated)
                        .doOnNext(added -> LOG.log(Level.INFO, added
                                ? "Signing key generation {0} ({1}) added, signs from {2}"
                                : "Signing key generation {0} was added by another instance", successor.generation(),
                                algorithm, successor.activeFrom()))
                        .filter(Boolean::booleanValue)
                        .map(added -> generated.key()))
                .flatMap(key -> {
                    String detail = "key " + key.id() + " (generation " + key.generation() + "), signs from "
                            + key.activeFrom();
                    return (administrator == null
                            ? events.succeeded(SecurityEventType.KEY_ROTATION, Subject.NOBODY, detail)
                            : events.byAdministrator(administrator, SecurityEventType.KEY_ROTATION, Subject.NOBODY,
                                    detail)).thenReturn(key);
                });
    }

    /** Installs our keys, and publishes beside them the keys imported from better-auth that still verify tokens. */
    private Mono<Void> install(List<StoredSigningKey> stored) {
        return store.findImportedPublicJwks(Instants.now(clock)).collectList()
                .doOnNext(imported -> install(stored, imported))
                .then();
    }

    private void install(List<StoredSigningKey> stored, List<String> importedJwks) {
        Map<String, TokenSigning.Signer> signers = new HashMap<>(snapshot.signers());
        signers.keySet().retainAll(stored.stream().map(key -> key.key().id()).collect(Collectors.toSet()));
        for (StoredSigningKey key : stored) {
            signers.computeIfAbsent(key.key().id(), id -> signing.signer(key));
        }
        List<SigningKey> keys = keysOf(stored);
        Set<SigningKey> published = Set.copyOf(rotation.publishedAt(keys, Instants.now(clock)));
        List<String> publishedJwks = stored.stream().filter(key -> published.contains(key.key()))
                .map(StoredSigningKey::publicJwk).toList();
        List<String> allJwks = new ArrayList<>(publishedJwks);
        allJwks.addAll(importedJwks);
        snapshot = new Snapshot(keys, Map.copyOf(signers), PublishedKeys.of(publishedJwks), PublishedKeys.of(allJwks));
    }

    private static List<SigningKey> keysOf(List<StoredSigningKey> stored) {
        return stored.stream().map(StoredSigningKey::key).toList();
    }

    /**
     * Signs the claims made for the instant of signing, taken only once the keys are loaded: a
     * first key made by that load starts signing at its creation, after any earlier instant.
     */
    public Mono<String> sign(Function<Instant, ? extends JwtClaims> claimsAt) {
        return activeKey().map(key -> key.sign(claimsAt.apply(key.now())));
    }

    /** The key that signs now, with the instant it was chosen for. */
    Mono<ActiveKey> activeKey() {
        return loaded().map(current -> {
            Instant now = Instants.now(clock);
            SigningKey key = rotation.signingKeyAt(current.keys(), now)
                    .orElseThrow(() -> new IllegalStateException("no signing key is active at " + now));
            return new ActiveKey(key.id(), now, current.signers().get(key.id()));
        });
    }

    record ActiveKey(String id, Instant now, TokenSigning.Signer signer) {

        String sign(JwtClaims claims) {
            return signer.sign(claims);
        }
    }

    /** How old the key that signs at {@code now} is, as far as the keys in memory tell; empty before they are loaded. */
    public Optional<Duration> signingKeyAge(Instant now) {
        return rotation.signingKeyAt(snapshot.keys(), now).map(key -> Duration.between(key.createdAt(), now));
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public Mono<PublishedKeys> publishedKeys() {
        return loaded().map(Snapshot::publishedKeys);
    }

    @Override
    public Mono<PublishedKeys> ownKeys() {
        return loaded().map(Snapshot::ownKeys);
    }

    /** The keys in memory; a request that comes before the first refresh has finished runs one itself. */
    private Mono<Snapshot> loaded() {
        return Mono.defer(() -> snapshot.keys().isEmpty()
                ? refresh().then(Mono.fromSupplier(() -> snapshot))
                : Mono.just(snapshot));
    }

    private record Snapshot(List<SigningKey> keys, Map<String, TokenSigning.Signer> signers, PublishedKeys ownKeys,
                            PublishedKeys publishedKeys) {
    }
}

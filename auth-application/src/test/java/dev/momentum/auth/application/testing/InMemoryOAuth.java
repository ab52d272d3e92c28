package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clients, grants and consents in maps; spending a code or refresh token one atomic step on its entry. */
public final class InMemoryOAuth implements OAuthClients, OAuthGrants, OAuthConsents, SpentAssertions, OAuthResources {

    public final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    public final Map<String, OAuthGrant> grants = new ConcurrentHashMap<>();
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<TokenHash, Spendable<AuthorizationCode>> codes = new ConcurrentHashMap<>();
    private final Map<TokenHash, Spendable<Void>> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Consent> consents = new ConcurrentHashMap<>();
    private final Map<String, Instant> spentAssertions = new ConcurrentHashMap<>();
    private final Map<ResourceIndicator, Instant> resources = new ConcurrentHashMap<>();

    private record Spendable<T>(String grantId, T details, Instant expiresAt, boolean spent) {
        Spendable<T> asSpent() {
            return new Spendable<>(grantId, details, expiresAt, true);
        }
    }

    @Override
    public Flux<ResourceIndicator> resources() {
        return Flux.fromIterable(resources.entrySet()).sort(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    @Override
    public Mono<Boolean> addResource(ResourceIndicator resource, Instant now) {
        return Mono.fromSupplier(() -> resources.putIfAbsent(resource, now) == null);
    }

    @Override
    public Mono<Boolean> removeResource(ResourceIndicator resource) {
        return Mono.fromSupplier(() -> resources.remove(resource) != null);
    }

    @Override
    public Mono<Boolean> spend(String clientId, ClientAssertion assertion) {
        return Mono.fromSupplier(() -> spentAssertions.putIfAbsent(clientId + " " + assertion.id(),
                assertion.expiresAt()) == null);
    }

    @Override
    public Mono<OAuthClient> find(String clientId) {
        return Mono.justOrEmpty(clients.get(clientId));
    }

    @Override
    public Mono<Boolean> add(OAuthClient client) {
        return Mono.fromSupplier(() -> clients.putIfAbsent(client.clientId(), client) == null);
    }

    @Override
    public Mono<Boolean> update(OAuthClient client) {
        return Mono.fromSupplier(() -> clients.replace(client.clientId(), client) != null);
    }

    @Override
    public Flux<OAuthClient> list() {
        return Flux.fromStream(() -> clients.values().stream()
                .sorted(Comparator.comparing(OAuthClient::createdAt).thenComparing(OAuthClient::clientId)));
    }

    @Override
    public Mono<Boolean> delete(String clientId) {
        return Mono.fromSupplier(() -> {
            grants.values().removeIf(grant -> grant.clientId().equals(clientId));
            consents.keySet().removeIf(key -> key.endsWith(" " + clientId));
            return clients.remove(clientId) != null;
        });
    }

    @Override
    public Mono<Void> open(OAuthGrant grant, TokenHash code, AuthorizationCode details) {
        return Mono.fromRunnable(() -> {
            grants.put(grant.id(), grant);
            codes.put(code, new Spendable<>(grant.id(), details, details.expiresAt(), false));
        });
    }

    @Override
    public Mono<Presented<AuthorizationCode>> redeemCode(TokenHash code, Instant now) {
        return Mono.fromSupplier(() -> spend(codes, code, now));
    }

    @Override
    public Mono<Void> addRefreshToken(TokenHash token, String grantId, Instant expiresAt) {
        return Mono.fromRunnable(() -> refreshTokens.put(token, new Spendable<>(grantId, null, expiresAt, false)));
    }

    @Override
    public Mono<OAuthGrant> grantOfRefreshToken(TokenHash token, Instant now) {
        return Mono.fromSupplier(() -> {
            Spendable<Void> found = refreshTokens.get(token);
            return found == null || found.spent() || !found.expiresAt().isAfter(now) || !active(found.grantId(), now)
                    ? null : grants.get(found.grantId());
        });
    }

    @Override
    public Mono<Presented<Void>> redeemRefreshToken(TokenHash token, Instant now) {
        return Mono.fromSupplier(() -> spend(refreshTokens, token, now));
    }

    private <T> Presented<T> spend(Map<TokenHash, Spendable<T>> spendables, TokenHash hash, Instant now) {
        boolean[] spentNow = {false};
        Spendable<T> found = spendables.computeIfPresent(hash, (key, spendable) -> {
            if (spendable.spent() || !spendable.expiresAt().isAfter(now) || !active(spendable.grantId(), now)) {
                return spendable;
            }
            spentNow[0] = true;
            return spendable.asSpent();
        });
        if (found == null || !found.expiresAt().isAfter(now) || !active(found.grantId(), now)) {
            return null;
        }
        OAuthGrant grant = grants.get(found.grantId());
        return spentNow[0] ? new Presented.Spent<>(grant, found.details()) : new Presented.Replayed<>(grant);
    }

    private boolean active(String grantId, Instant now) {
        OAuthGrant grant = grants.get(grantId);
        return grant != null && !revoked.containsKey(grantId) && grant.expiresAt().isAfter(now);
    }

    @Override
    public Mono<Boolean> revoke(String grantId, Instant now) {
        return Mono.fromSupplier(() -> grants.containsKey(grantId) && revoked.putIfAbsent(grantId, now) == null);
    }

    @Override
    public Mono<Long> revokeAll(Optional<UserId> user, Optional<String> clientId, Instant now) {
        return Mono.fromSupplier(() -> grants.values().stream()
                .filter(grant -> user.map(grant.user()::equals).orElse(true)
                        && clientId.map(grant.clientId()::equals).orElse(true))
                .filter(grant -> revoked.putIfAbsent(grant.id(), now) == null)
                .count());
    }

    @Override
    public Flux<OAuthGrant> activeOf(UserId user, Instant now) {
        return Flux.fromStream(() -> grants.values().stream()
                .filter(grant -> grant.user().equals(user) && active(grant.id(), now))
                .sorted(Comparator.comparing(OAuthGrant::createdAt).thenComparing(OAuthGrant::id)));
    }

    @Override
    public Mono<Scopes> granted(UserId user, String clientId) {
        return Mono.fromSupplier(() -> {
            Consent consent = consents.get(user.value() + " " + clientId);
            return consent == null ? Scopes.NONE : consent.scopes();
        });
    }

    @Override
    public Mono<Void> grant(UserId user, String clientId, Scopes scopes, Instant now) {
        return Mono.fromRunnable(() -> consents.merge(user.value() + " " + clientId,
                new Consent(clientId, scopes, now),
                (before, added) -> new Consent(clientId, before.scopes().union(scopes), now)));
    }

    @Override
    public Flux<Consent> of(UserId user) {
        return Flux.fromStream(() -> consents.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(user.value() + " "))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Consent::updatedAt).thenComparing(Consent::clientId)));
    }

    @Override
    public Mono<Boolean> withdraw(UserId user, String clientId) {
        return Mono.fromSupplier(() -> consents.remove(user.value() + " " + clientId) != null);
    }
}

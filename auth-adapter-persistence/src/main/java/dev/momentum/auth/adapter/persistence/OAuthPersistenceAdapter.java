package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientKeys;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.RedirectUri;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The authorization server's tables (changeset 0014). A code or refresh token is spent by an UPDATE
 * that only one of racing callers sees change a row; the others, like a later replay, find it spent
 * and are told its grant.
 */
final class OAuthPersistenceAdapter implements OAuthClients, OAuthGrants, OAuthConsents, SpentAssertions,
        OAuthResources {

    private static final String CLIENT_COLUMNS = """
            client_id, secret_hash, name, redirect_uris, post_logout_redirect_uris, grant_types, auth_method, scope, client_uri, logo_uri, jwks_uri,
            jwks, origin, document_fresh_until, document_etag, disabled, created_at""";
    private static final String GRANT_COLUMNS = """
            g.id, g.client_id, g.user_id, g.scope, g.resources, g.auth_time, g.created_at, g.expires_at""";

    private final StorageGuard storage;

    OAuthPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Flux<ResourceIndicator> resources() {
        return storage.guardMany(storage.client().sql("SELECT resource FROM oauth_resources ORDER BY created_at, resource")
                .map(row -> new ResourceIndicator(row.get("resource", String.class)))
                .all());
    }

    @Override
    public Mono<Boolean> addResource(ResourceIndicator resource, Instant now) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO oauth_resources (resource, created_at) VALUES (:resource, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("resource", resource.value())
                .bind("now", Timestamps.of(now))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1));
    }

    @Override
    public Mono<Boolean> removeResource(ResourceIndicator resource) {
        return storage.guard(storage.client().sql("DELETE FROM oauth_resources WHERE resource = :resource")
                .bind("resource", resource.value())
                .fetch().rowsUpdated()
                .map(deleted -> deleted == 1));
    }

    /** One row per assertion: the insert that finds the key taken is a replay, however close the race. */
    @Override
    public Mono<Boolean> spend(String clientId, ClientAssertion assertion) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO oauth_spent_assertions (assertion_hash, expires_at) VALUES (:hash, :expiresAt)
                        ON CONFLICT DO NOTHING""")
                .bind("hash", TokenHash.of(clientId + " " + assertion.id()).hex())
                .bind("expiresAt", Timestamps.of(assertion.expiresAt()))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1));
    }

    @Override
    public Mono<OAuthClient> find(String clientId) {
        return storage.guard(storage.client().sql("SELECT " + CLIENT_COLUMNS + " FROM oauth_clients WHERE client_id = :id")
                .bind("id", clientId)
                .map(OAuthPersistenceAdapter::client)
                .one());
    }

    @Override
    public Mono<Boolean> add(OAuthClient client) {
        return storage.guard(bindClient(storage.client().sql("INSERT INTO oauth_clients (" + CLIENT_COLUMNS + """
                        ) VALUES (:id, :secretHash, :name, :redirectUris, :postLogoutRedirectUris, :grantTypes, :authMethod,
                          :scope, :clientUri, :logoUri, :jwksUri, :jwks, :origin, :documentFreshUntil, :documentEtag, :disabled, :createdAt)
                        ON CONFLICT DO NOTHING"""), client)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1));
    }

    @Override
    public Mono<Boolean> update(OAuthClient client) {
        return storage.guard(bindClient(storage.client().sql("""
                        UPDATE oauth_clients SET secret_hash = :secretHash, name = :name, redirect_uris = :redirectUris,
                          post_logout_redirect_uris = :postLogoutRedirectUris,
                          grant_types = :grantTypes, auth_method = :authMethod, scope = :scope, client_uri = :clientUri,
                          logo_uri = :logoUri, jwks_uri = :jwksUri, jwks = :jwks, origin = :origin,
                          document_fresh_until = :documentFreshUntil, document_etag = :documentEtag, disabled = :disabled,
                          created_at = :createdAt
                        WHERE client_id = :id"""), client)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    @Override
    public Flux<OAuthClient> list() {
        return storage.guardMany(storage.client().sql("SELECT " + CLIENT_COLUMNS
                        + " FROM oauth_clients ORDER BY created_at, client_id")
                .map(OAuthPersistenceAdapter::client)
                .all());
    }

    @Override
    public Mono<Boolean> delete(String clientId) {
        return storage.guard(storage.client().sql("DELETE FROM oauth_clients WHERE client_id = :id")
                .bind("id", clientId)
                .fetch().rowsUpdated()
                .map(deleted -> deleted == 1));
    }

    @Override
    public Mono<Void> open(OAuthGrant grant, TokenHash code, AuthorizationCode details) {
        Mono<Long> grantRow = storage.client().sql("""
                        INSERT INTO oauth_grants (id, client_id, user_id, scope, resources, auth_time, created_at, expires_at)
                        VALUES (:id, :clientId, :userId, :scope, :resources, :authTime, :createdAt, :expiresAt)""")
                .bind("id", grant.id())
                .bind("clientId", grant.clientId())
                .bind("userId", grant.user().value())
                .bind("scope", grant.scopes().value())
                .bind("resources", grant.resources().stream().map(ResourceIndicator::value).collect(Collectors.joining(" ")))
                .bind("authTime", Timestamps.of(grant.authTime()))
                .bind("createdAt", Timestamps.of(grant.createdAt()))
                .bind("expiresAt", Timestamps.of(grant.expiresAt()))
                .fetch().rowsUpdated();
        Mono<Long> codeRow = storage.client().sql("""
                        INSERT INTO oauth_codes (code_hash, grant_id, session_id, redirect_uri, code_challenge, nonce, expires_at)
                        VALUES (:hash, :grantId, :sessionId, :redirectUri, :challenge, :nonce, :expiresAt)""")
                .bind("hash", code.hex())
                .bind("grantId", details.grantId())
                .bind("sessionId", details.session().value())
                .bind("redirectUri", details.redirectUri())
                .bind("challenge", details.codeChallenge())
                .bind("nonce", Parameter.fromOrEmpty(details.nonce().orElse(null), String.class))
                .bind("expiresAt", Timestamps.of(details.expiresAt()))
                .fetch().rowsUpdated();
        return storage.guard(grantRow.then(codeRow)).then();
    }

    @Override
    public Mono<Presented<AuthorizationCode>> redeemCode(TokenHash code, Instant now) {
        Mono<Found<AuthorizationCode>> found = storage.client().sql("SELECT " + GRANT_COLUMNS + """
                        , c.session_id, c.redirect_uri, c.code_challenge, c.nonce, c.expires_at AS code_expires_at,
                          c.spent_at
                        FROM oauth_codes c JOIN oauth_grants g ON g.id = c.grant_id
                        WHERE c.code_hash = :hash AND c.expires_at > :now AND g.revoked_at IS NULL""")
                .bind("hash", code.hex())
                .bind("now", Timestamps.of(now))
                .map(row -> new Found<>(grant(row), new AuthorizationCode(row.get("id", String.class),
                        new SessionId(row.get("session_id", String.class)), row.get("redirect_uri", String.class),
                        row.get("code_challenge", String.class), Optional.ofNullable(row.get("nonce", String.class)),
                        Timestamps.read(row, "code_expires_at")), row.get("spent_at", Object.class) != null))
                .one();
        return storage.guard(found.flatMap(redeemable -> spend("oauth_codes", "code_hash", code, now, redeemable)));
    }

    @Override
    public Mono<Void> addRefreshToken(TokenHash token, String grantId, Instant expiresAt) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO oauth_refresh_tokens (token_hash, grant_id, expires_at)
                        VALUES (:hash, :grantId, :expiresAt)""")
                .bind("hash", token.hex())
                .bind("grantId", grantId)
                .bind("expiresAt", Timestamps.of(expiresAt))
                .then());
    }

    @Override
    public Mono<OAuthGrant> grantOfRefreshToken(TokenHash token, Instant now) {
        return storage.guard(refreshToken(token, now).filter(found -> !found.spent()).map(Found::grant));
    }

    @Override
    public Mono<Presented<Void>> redeemRefreshToken(TokenHash token, Instant now) {
        return storage.guard(refreshToken(token, now).flatMap(redeemable -> spend("oauth_refresh_tokens",
                "token_hash", token, now, redeemable)));
    }

    private Mono<Found<Void>> refreshToken(TokenHash token, Instant now) {
        return storage.client().sql("SELECT " + GRANT_COLUMNS + """
                        , r.spent_at
                        FROM oauth_refresh_tokens r JOIN oauth_grants g ON g.id = r.grant_id
                        WHERE r.token_hash = :hash AND r.expires_at > :now AND g.expires_at > :now
                          AND g.revoked_at IS NULL""")
                .bind("hash", token.hex())
                .bind("now", Timestamps.of(now))
                .map(row -> new Found<Void>(grant(row), null, row.get("spent_at", Object.class) != null))
                .one();
    }

    private <T> Mono<Presented<T>> spend(String table, String key, TokenHash hash, Instant now, Found<T> found) {
        if (found.spent()) {
            return Mono.just(new Presented.Replayed<>(found.grant()));
        }
        return storage.client().sql("UPDATE " + table + " SET spent_at = :now WHERE " + key
                        + " = :hash AND spent_at IS NULL")
                .bind("now", Timestamps.of(now))
                .bind("hash", hash.hex())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1 ? new Presented.Spent<>(found.grant(), found.details())
                        : new Presented.Replayed<>(found.grant()));
    }

    @Override
    public Mono<Boolean> revoke(String grantId, Instant now) {
        return storage.guard(storage.client().sql(
                        "UPDATE oauth_grants SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", Timestamps.of(now))
                .bind("id", grantId)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    @Override
    public Mono<Long> revokeAll(Optional<UserId> user, Optional<String> clientId, Instant now) {
        var spec = storage.client().sql("UPDATE oauth_grants SET revoked_at = :now WHERE revoked_at IS NULL"
                        + (user.isPresent() ? " AND user_id = :userId" : "")
                        + (clientId.isPresent() ? " AND client_id = :clientId" : ""))
                .bind("now", Timestamps.of(now));
        if (user.isPresent()) {
            spec = spec.bind("userId", user.get().value());
        }
        if (clientId.isPresent()) {
            spec = spec.bind("clientId", clientId.get());
        }
        return storage.guard(spec.fetch().rowsUpdated());
    }

    @Override
    public Flux<OAuthGrant> activeOf(UserId user, Instant now) {
        return storage.guardMany(storage.client().sql("SELECT " + GRANT_COLUMNS + """
                         FROM oauth_grants g
                        WHERE g.user_id = :userId AND g.revoked_at IS NULL AND g.expires_at > :now
                        ORDER BY g.created_at, g.id""")
                .bind("userId", user.value())
                .bind("now", Timestamps.of(now))
                .map(OAuthPersistenceAdapter::grant)
                .all());
    }

    @Override
    public Mono<Scopes> granted(UserId user, String clientId) {
        return storage.guard(ofUserAndClient(
                        "SELECT scope FROM oauth_consents WHERE user_id = :userId AND client_id = :clientId", user, clientId)
                .map(row -> scopes(row.get("scope", String.class)))
                .one())
                .defaultIfEmpty(Scopes.NONE);
    }

    /** Read, then written back with the union: two consents at once for one user and client are one person's clicks. */
    @Override
    public Mono<Void> grant(UserId user, String clientId, Scopes scopes, Instant now) {
        return granted(user, clientId).flatMap(before -> storage.guard(ofUserAndClient("""
                        UPDATE oauth_consents SET scope = :scope, updated_at = :now
                        WHERE user_id = :userId AND client_id = :clientId""", user, clientId)
                .bind("scope", before.union(scopes).value())
                .bind("now", Timestamps.of(now))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.empty() : ofUserAndClient("""
                                INSERT INTO oauth_consents (user_id, client_id, scope, created_at, updated_at)
                                VALUES (:userId, :clientId, :scope, :now, :now)
                                ON CONFLICT DO NOTHING""", user, clientId)
                        .bind("scope", scopes.value())
                        .bind("now", Timestamps.of(now))
                        .then())));
    }

    @Override
    public Flux<Consent> of(UserId user) {
        return storage.guardMany(storage.client().sql("""
                        SELECT client_id, scope, updated_at FROM oauth_consents WHERE user_id = :userId
                        ORDER BY updated_at, client_id""")
                .bind("userId", user.value())
                .map(row -> new Consent(row.get("client_id", String.class), scopes(row.get("scope", String.class)),
                        Timestamps.read(row, "updated_at")))
                .all());
    }

    @Override
    public Mono<Boolean> withdraw(UserId user, String clientId) {
        return storage.guard(ofUserAndClient(
                        "DELETE FROM oauth_consents WHERE user_id = :userId AND client_id = :clientId", user, clientId)
                .fetch().rowsUpdated()
                .map(deleted -> deleted == 1));
    }

    private GenericExecuteSpec ofUserAndClient(String sql, UserId user, String clientId) {
        return storage.client().sql(sql).bind("userId", user.value()).bind("clientId", clientId);
    }

    private static GenericExecuteSpec bindClient(GenericExecuteSpec spec, OAuthClient client) {
        return spec.bind("id", client.clientId())
                .bind("secretHash", Parameter.fromOrEmpty(client.secretHash().map(TokenHash::hex).orElse(null), String.class))
                .bind("name", client.name())
                .bind("redirectUris", client.redirectUris().stream().map(RedirectUri::value)
                        .collect(Collectors.joining(" ")))
                .bind("postLogoutRedirectUris", client.postLogoutRedirectUris().stream().map(RedirectUri::value)
                        .collect(Collectors.joining(" ")))
                .bind("grantTypes", client.grantTypes().stream().map(GrantType::wireName).sorted()
                        .collect(Collectors.joining(" ")))
                .bind("authMethod", client.authentication().wireName())
                .bind("scope", client.scopes().value())
                .bind("clientUri", Parameter.fromOrEmpty(client.clientUri().orElse(null), String.class))
                .bind("logoUri", Parameter.fromOrEmpty(client.logoUri().orElse(null), String.class))
                .bind("jwksUri", Parameter.fromOrEmpty(client.keys().jwksUri().orElse(null), String.class))
                .bind("jwks", Parameter.fromOrEmpty(client.keys().jwks().orElse(null), String.class))
                .bind("origin", client.origin().name())
                .bind("documentFreshUntil", Parameter.fromOrEmpty(client.document()
                        .map(copy -> Timestamps.of(copy.freshUntil())).orElse(null), OffsetDateTime.class))
                .bind("documentEtag", Parameter.fromOrEmpty(client.document().flatMap(OAuthClient.FetchedDocument::etag)
                        .orElse(null), String.class))
                .bind("disabled", client.disabled())
                .bind("createdAt", Timestamps.of(client.createdAt()));
    }

    private static OAuthClient client(Readable row) {
        return new OAuthClient(row.get("client_id", String.class),
                Optional.ofNullable(row.get("secret_hash", String.class)).map(TokenHash::new),
                row.get("name", String.class),
                redirectUris(row.get("redirect_uris", String.class)),
                redirectUris(row.get("post_logout_redirect_uris", String.class)),
                words(row.get("grant_types", String.class)).stream()
                        .map(grant -> GrantType.ofWireName(grant).orElseThrow()).collect(Collectors.toSet()),
                ClientAuthentication.ofWireName(row.get("auth_method", String.class)).orElseThrow(),
                scopes(row.get("scope", String.class)),
                Optional.ofNullable(row.get("client_uri", String.class)),
                Optional.ofNullable(row.get("logo_uri", String.class)),
                new ClientKeys(Optional.ofNullable(row.get("jwks_uri", String.class)),
                        Optional.ofNullable(row.get("jwks", String.class))),
                OAuthClient.Origin.valueOf(row.get("origin", String.class)),
                Optional.ofNullable(Timestamps.read(row, "document_fresh_until"))
                        .map(freshUntil -> new OAuthClient.FetchedDocument(freshUntil,
                                Optional.ofNullable(row.get("document_etag", String.class)))),
                Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                Timestamps.read(row, "created_at"));
    }

    private static List<RedirectUri> redirectUris(String spaceSeparated) {
        return words(spaceSeparated).stream().map(uri -> RedirectUri.parse(uri).orElseThrow()).toList();
    }

    private static OAuthGrant grant(Readable row) {
        return new OAuthGrant(row.get("id", String.class), row.get("client_id", String.class),
                new UserId(row.get("user_id", String.class)), scopes(row.get("scope", String.class)),
                words(row.get("resources", String.class)).stream().map(ResourceIndicator::new).toList(),
                Timestamps.read(row, "auth_time"), Timestamps.read(row, "created_at"),
                Timestamps.read(row, "expires_at"));
    }

    private static Scopes scopes(String value) {
        return Scopes.parse(value).orElseThrow();
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(" "));
    }

    private record Found<T>(OAuthGrant grant, T details, boolean spent) {
    }
}

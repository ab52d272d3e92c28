package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.ClientAssertions;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.token.TokenHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The client a request to the token, revocation or introspection endpoint comes from: a client with
 * a secret shows it, one with keys a single-use assertion signed by one of them (RFC 7523), a public
 * client nothing. Any failure is {@code invalid_client}; only an assertion's is told in detail, since
 * it is the client's own mistake to find.
 */
public final class ClientAuthenticator {

    private final OAuthClients clients;
    private final ClientDocuments documents;
    private final ClientAssertions assertions;
    private final SpentAssertions spent;
    private final OAuthSettings settings;
    private final Clock clock;

    public ClientAuthenticator(OAuthClients clients, ClientDocuments documents, ClientAssertions assertions,
                               SpentAssertions spent, OAuthSettings settings, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.documents = Objects.requireNonNull(documents, "documents cannot be null");
        this.assertions = Objects.requireNonNull(assertions, "assertions cannot be null");
        this.spent = Objects.requireNonNull(spent, "spent cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    Mono<OAuthClient> authenticate(PresentedClient proof) {
        if (proof == null || proof.clientId() == null || proof.clientId().isBlank()) {
            return Mono.error(refused());
        }
        return enabled(proof.clientId())
                .flatMap(client -> proves(client, proof).flatMap(proven -> proven ? Mono.just(client) : Mono.empty()))
                .switchIfEmpty(Mono.error(ClientAuthenticator::refused));
    }

    /** The client by its id, when it exists and is not disabled. */
    Mono<OAuthClient> enabled(String clientId) {
        return Mono.justOrEmpty(clientId).flatMap(clients::find).filter(client -> !client.disabled());
    }

    private Mono<Boolean> proves(OAuthClient client, PresentedClient proof) {
        return switch (client.authentication()) {
            case NONE -> Mono.just(proof.secret().isEmpty() && proof.assertion().isEmpty());
            case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST -> Mono.just(proof.assertion().isEmpty()
                    && client.secretHash().flatMap(hash -> proof.secret().map(secret -> MessageDigest.isEqual(
                            hash.hex().getBytes(StandardCharsets.US_ASCII),
                            TokenHash.of(secret).hex().getBytes(StandardCharsets.US_ASCII)))).orElse(false));
            case PRIVATE_KEY_JWT -> proof.secret().isEmpty() && proof.assertion().isPresent()
                    ? signed(client, proof.assertion().get()) : Mono.just(false);
        };
    }

    /** Signed by one of the client's keys, addressed to us, and not used before. */
    private Mono<Boolean> signed(OAuthClient client, String assertion) {
        Mono<String> keys = client.keys().jwks().map(Mono::just)
                .orElseGet(() -> documents.jwks(URI.create(client.keys().jwksUri().orElseThrow())));
        return keys.map(jwks -> assertions.verify(assertion, jwks, client.clientId(), settings.assertionAudiences(),
                        Instants.now(clock)))
                .flatMap(verified -> spent.spend(client.clientId(), verified))
                .flatMap(first -> first ? Mono.just(true) : Mono.error(new OAuthException(Code.INVALID_CLIENT,
                        "the client assertion (jti) was used before")));
    }

    private static OAuthException refused() {
        return new OAuthException(Code.INVALID_CLIENT, "client authentication failed");
    }
}

package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The client a request to the token, revocation or introspection endpoint comes from: a client with
 * a secret shows it, a public client shows none. Any failure is the same {@code invalid_client}.
 */
final class ClientAuthenticator {

    private final OAuthClients clients;

    ClientAuthenticator(OAuthClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
    }

    Mono<OAuthClient> authenticate(PresentedClient proof) {
        if (proof == null || proof.clientId() == null || proof.clientId().isBlank()) {
            return Mono.error(refused());
        }
        return clients.find(proof.clientId())
                .filter(client -> !client.disabled() && proves(client, proof))
                .switchIfEmpty(Mono.error(ClientAuthenticator::refused));
    }

    /** The client by its id, when it exists and is not disabled. */
    Mono<OAuthClient> enabled(String clientId) {
        return Mono.justOrEmpty(clientId).flatMap(clients::find).filter(client -> !client.disabled());
    }

    private static boolean proves(OAuthClient client, PresentedClient proof) {
        return switch (client.authentication()) {
            case NONE -> proof.secret().isEmpty();
            case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST -> client.secretHash().flatMap(hash -> proof.secret()
                    .map(secret -> MessageDigest.isEqual(hash.hex().getBytes(StandardCharsets.US_ASCII),
                            TokenHash.of(secret).hex().getBytes(StandardCharsets.US_ASCII)))).orElse(false);
            case PRIVATE_KEY_JWT -> false;
        };
    }

    private static OAuthException refused() {
        return new OAuthException(Code.INVALID_CLIENT, "client authentication failed");
    }
}

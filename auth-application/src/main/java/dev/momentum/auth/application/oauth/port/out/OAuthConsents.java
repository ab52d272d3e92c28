package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What each user has allowed each client, remembered so that they are asked once per scope. */
public interface OAuthConsents {

    /** The scopes the user has allowed the client; {@link Scopes#NONE} when none. */
    Mono<Scopes> granted(UserId user, String clientId);

    /** Adds these scopes to what the user has allowed the client. */
    Mono<Void> grant(UserId user, String clientId, Scopes scopes, Instant now);

    Flux<Consent> of(UserId user);

    /** False when there was none. */
    Mono<Boolean> withdraw(UserId user, String clientId);

    record Consent(String clientId, Scopes scopes, Instant updatedAt) {
    }
}

package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import reactor.core.publisher.Mono;

/** A signed-in user's consents to OAuth clients: seen, and withdrawn with what they granted. */
public interface ManageConsentsUseCase {

    Mono<List<ConsentResult>> consents(BearerToken session);

    /** Forgets the consent and ends the user's grants to the client; NOT_FOUND when there was none. */
    Mono<Void> withdraw(BearerToken session, String clientId);
}

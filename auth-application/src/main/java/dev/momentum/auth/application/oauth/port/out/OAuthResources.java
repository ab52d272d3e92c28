package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.ResourceIndicator;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The resource servers administrators added to those {@code OAUTH_RESOURCES} lists. */
public interface OAuthResources {

    Flux<ResourceIndicator> resources();

    /** False when it was there already. */
    Mono<Boolean> addResource(ResourceIndicator resource, Instant now);

    /** False when it was not there. */
    Mono<Boolean> removeResource(ResourceIndicator resource);
}

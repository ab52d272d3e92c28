package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The resource servers tokens may be issued for (RFC 8707): those {@code OAUTH_RESOURCES} lists and
 * those administrators added, read at each request, so that every replica agrees at once.
 */
public final class ResourceServers {

    private final OAuthSettings settings;
    private final OAuthResources added;

    public ResourceServers(OAuthSettings settings, OAuthResources added) {
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.added = Objects.requireNonNull(added, "added cannot be null");
    }

    Mono<List<ResourceIndicator>> all() {
        return Flux.concat(Flux.fromIterable(settings.resources()), added.resources()).distinct().collectList();
    }

    boolean configured(ResourceIndicator resource) {
        return settings.resources().contains(resource);
    }
}

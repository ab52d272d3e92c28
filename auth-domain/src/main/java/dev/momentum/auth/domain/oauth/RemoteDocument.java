package dev.momentum.auth.domain.oauth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A document fetched from a client's URL, and for how long HTTP caching lets us keep it.
 *
 * @param content empty when the server answered that the copy we named by its entity tag is current
 * @param freshFor how long it may be used without asking again; zero to ask every time
 * @param etag the entity tag to name our copy by next time
 */
public record RemoteDocument<T>(Optional<T> content, Duration freshFor, Optional<String> etag) {

    public RemoteDocument {
        Objects.requireNonNull(content, "content cannot be null");
        Objects.requireNonNull(freshFor, "freshFor cannot be null");
        Objects.requireNonNull(etag, "etag cannot be null");
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException("freshFor cannot be negative");
        }
    }
}

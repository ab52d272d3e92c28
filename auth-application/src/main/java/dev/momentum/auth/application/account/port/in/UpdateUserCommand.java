package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import java.util.Optional;

/**
 * What a client asked to change. {@code name} empty: keep it. {@code image} empty: keep it;
 * present with an empty inner value: remove the picture. {@code emailGiven}: the request tried to
 * change the address, which this use case refuses.
 */
public record UpdateUserCommand(BearerToken sessionToken, Optional<String> name, Optional<Optional<String>> image,
                                boolean emailGiven) {
}

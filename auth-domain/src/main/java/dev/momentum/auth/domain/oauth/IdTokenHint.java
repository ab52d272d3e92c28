package dev.momentum.auth.domain.oauth;

import java.util.List;
import java.util.Objects;

/** An ID token of ours presented back to us (as {@code id_token_hint}): whom it was about, and for which client. */
public record IdTokenHint(String subject, List<String> audience) {

    public IdTokenHint {
        Objects.requireNonNull(subject, "subject cannot be null");
        audience = List.copyOf(audience);
    }
}

package dev.momentum.auth.adapter.mail;

import java.util.Objects;

/** A mail ready to hand to a provider: both bodies filled in. */
public record RenderedMail(String from, String to, String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(to, "to cannot be null");
        Objects.requireNonNull(subject, "subject cannot be null");
        Objects.requireNonNull(text, "text cannot be null");
        Objects.requireNonNull(html, "html cannot be null");
    }
}

package dev.momentum.auth.application.port.out;

import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.util.Objects;

/** A mail the service sends to an account holder. */
public sealed interface AccountMail {

    EmailAddress to();

    String recipientName();

    record PasswordResetMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public PasswordResetMail {
            Objects.requireNonNull(to, "to cannot be null");
            Objects.requireNonNull(recipientName, "recipientName cannot be null");
            Objects.requireNonNull(link, "link cannot be null");
        }
    }

    record VerificationMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public VerificationMail {
            Objects.requireNonNull(to, "to cannot be null");
            Objects.requireNonNull(recipientName, "recipientName cannot be null");
            Objects.requireNonNull(link, "link cannot be null");
        }
    }
}

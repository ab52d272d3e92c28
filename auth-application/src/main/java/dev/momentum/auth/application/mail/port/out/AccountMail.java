package dev.momentum.auth.application.mail.port.out;

import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.util.Objects;

/** A mail the service sends to an account holder. */
public sealed interface AccountMail {

    EmailAddress to();

    String recipientName();

    record PasswordResetMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public PasswordResetMail {
            requireAll(to, recipientName, link);
        }
    }

    record VerificationMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public VerificationMail {
            requireAll(to, recipientName, link);
        }
    }

    /** Sent to the new address: following the link proves it and makes it the account's email. */
    record EmailChangeMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public EmailChangeMail {
            requireAll(to, recipientName, link);
        }
    }

    /** Sent to the old address once the change took effect, so a hijacked account does not go unnoticed. */
    record EmailChangedNotice(EmailAddress to, String recipientName, EmailAddress newEmail) implements AccountMail {
        public EmailChangedNotice {
            requireAll(to, recipientName, newEmail);
        }
    }

    /** Asks the account holder to confirm, by following the link, that the account is to be deleted. */
    record AccountDeletionMail(EmailAddress to, String recipientName, URI link) implements AccountMail {
        public AccountDeletionMail {
            requireAll(to, recipientName, link);
        }
    }

    /** A one-time code that completes a sign-in, or confirms codes by mail as the second factor. */
    record SecondFactorCodeMail(EmailAddress to, String recipientName, String code) implements AccountMail {
        public SecondFactorCodeMail {
            requireAll(to, recipientName, code);
        }

        @Override
        public String toString() {
            return "SecondFactorCodeMail[to=" + to + ", code hidden]";
        }
    }

    private static void requireAll(Object to, Object recipientName, Object detail) {
        Objects.requireNonNull(to, "to cannot be null");
        Objects.requireNonNull(recipientName, "recipientName cannot be null");
        Objects.requireNonNull(detail, "link or new address cannot be null");
    }
}

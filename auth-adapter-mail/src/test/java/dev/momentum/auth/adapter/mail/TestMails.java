package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.util.Optional;

final class TestMails {

    static final URI LINK = URI.create("http://localhost:3002/api/auth/verify-email?token=abc123&callbackURL=%2F");

    private TestMails() {
    }

    static VerificationMail verification(String name) {
        return new VerificationMail(new EmailAddress("ada@example.com"), name, LINK);
    }

    static MailTemplates templates() {
        return new MailTemplates("Auth <noreply@example.com>", Optional.empty());
    }
}

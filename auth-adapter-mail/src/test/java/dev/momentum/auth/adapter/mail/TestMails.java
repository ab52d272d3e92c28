package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMail.AccountDeletionMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangedNotice;
import dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

final class TestMails {

    static final URI LINK = URI.create("http://localhost:3002/api/auth/verify-email?token=abc123&callbackURL=%2F");

    private TestMails() {
    }

    static VerificationMail verification(String name) {
        return new VerificationMail(new EmailAddress("ada@example.com"), name, LINK);
    }

    static List<AccountMail> everyKind() {
        EmailAddress ada = new EmailAddress("ada@example.com");
        EmailAddress newAddress = new EmailAddress("ada.new@example.com");
        return List.of(verification("Ada"), new PasswordResetMail(ada, "Ada", LINK),
                new EmailChangeMail(newAddress, "Ada", LINK), new EmailChangedNotice(ada, "Ada", newAddress),
                new AccountDeletionMail(ada, "Ada", LINK));
    }

    static MailTemplates templates() {
        return new MailTemplates("Auth <noreply@example.com>", Optional.empty());
    }
}

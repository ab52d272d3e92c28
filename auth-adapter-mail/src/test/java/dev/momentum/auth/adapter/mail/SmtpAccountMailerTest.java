package dev.momentum.auth.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.mail.SmtpAccountMailer.SmtpSettings;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpAccountMailerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void sendWhenVerificationMailThenServerReceivesTextAndHtmlWithTheLink() throws Exception {
        var mailer = new SmtpAccountMailer(TestMails.templates(),
                new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), null, null, false));

        mailer.send(TestMails.verification("Ada"), "mail-1").block();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Verify your email address");
        assertThat(message.getMessageID()).isEqualTo("<mail-1@example.com>");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Auth <noreply@example.com>");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(0).getContent()).contains(TestMails.LINK.toString());
        assertThat((String) parts.getBodyPart(1).getContent()).contains("token=abc123&amp;callbackURL=%2F");
    }

    @Test
    void sendWhenServerRequiresLoginThenAuthenticates() throws Exception {
        SMTP.setUser("mailer", "s3cret");
        var mailer = new SmtpAccountMailer(TestMails.templates(),
                new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "mailer", "s3cret", false));

        mailer.send(TestMails.verification("Ada"), "mail-1").block();

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void sendWhenServerUnreachableThenErrorsInsteadOfHanging() {
        var mailer = new SmtpAccountMailer(TestMails.templates(), new SmtpSettings("127.0.0.1", 1, null, null, false));

        assertThatThrownBy(() -> mailer.send(TestMails.verification("Ada"), "mail-1").block()).isNotNull();
    }
}

package dev.momentum.auth.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.domain.user.EmailAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTest {

    @Test
    void renderWhenNameHasMarkupThenEscapedInHtmlOnly() {
        RenderedMail mail = TestMails.templates().render(TestMails.verification("<b>Ada</b>"));

        assertThat(mail.html()).contains("&lt;b&gt;Ada&lt;/b&gt;").doesNotContain("<b>Ada</b>");
        assertThat(mail.text()).contains("Hello <b>Ada</b>,");
    }

    @Test
    void renderWhenNameEmptyThenGreetsTheAddress() {
        assertThat(TestMails.templates().render(TestMails.verification("")).text()).contains("Hello ada@example.com,");
    }

    @Test
    void renderWhenOverrideFileExistsThenItWinsAndOthersStayBuiltIn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("verification.subject.txt"), "Bitte bestätigen Sie Ihre Adresse\n");

        RenderedMail mail = new MailTemplates("a@example.com", Optional.of(dir)).render(TestMails.verification("Ada"));

        assertThat(mail.subject()).isEqualTo("Bitte bestätigen Sie Ihre Adresse");
        assertThat(mail.text()).contains(TestMails.LINK.toString());
    }

    @Test
    void renderWhenPasswordResetThenItsOwnSubjectAndTheLink() {
        var reset = new dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail(
                new dev.momentum.auth.domain.user.EmailAddress("ada@example.com"), "Ada",
                java.net.URI.create("http://localhost:3002/api/auth/reset-password/abc?callbackURL=%2Freset"));

        RenderedMail mail = TestMails.templates().render(reset);

        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.text()).contains("/reset-password/abc?callbackURL=%2Freset");
        assertThat(mail.html()).contains("Reset password");
    }

    @Test
    void renderWhenASecondFactorCodeThenTheCodeInSubjectTextAndHtml() {
        var code = new SecondFactorCodeMail(new EmailAddress("ada@example.com"), "Ada", "042917");

        RenderedMail mail = TestMails.templates().render(code);

        assertThat(mail.subject()).isEqualTo("Your sign-in code: 042917");
        assertThat(mail.text()).contains("your sign-in code is 042917").contains("three minutes");
        assertThat(mail.html()).contains("<strong style=\"font-size: 20px; letter-spacing: 2px;\">042917</strong>");
    }
}

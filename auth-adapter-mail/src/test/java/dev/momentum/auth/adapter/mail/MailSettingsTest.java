package dev.momentum.auth.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.support.SettingsReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void readWhenNothingIsSetThenMailIsLoggedOutsideProductionAndRefusedInIt() {
        var development = new SettingsReader(Map.<String, String>of()::get);
        var production = new SettingsReader(Map.<String, String>of()::get);

        assertThat(MailSettings.read(development, false).mailer()).isInstanceOf(LoggingAccountMailer.class);
        assertThat(development.problems()).isEmpty();
        MailSettings.read(production, true);
        assertThat(production.problems()).singleElement().asString().startsWith("MAIL_PROVIDER=log");
    }

    @Test
    void readWhenAResendKeyIsSetThenResendWithoutBeingAskedFor() {
        var env = new SettingsReader(Map.of("RESEND_API_KEY", "re_123")::get);

        MailSettings mail = MailSettings.read(env, true);

        assertThat(mail.provider()).isEqualTo(MailSettings.Provider.RESEND);
        assertThat(mail.mailer()).isInstanceOf(ResendAccountMailer.class);
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void readWhenSmtpLacksItsHostOrTheProviderIsUnknownThenEachProblemNamed() {
        var noHost = new SettingsReader(Map.of("MAIL_PROVIDER", "smtp")::get);
        var unknown = new SettingsReader(Map.of("MAIL_PROVIDER", "pigeon")::get);

        MailSettings.read(noHost, false);
        MailSettings.read(unknown, false);

        assertThat(noHost.problems()).containsExactly("SMTP_HOST is required when MAIL_PROVIDER=smtp");
        assertThat(unknown.problems()).containsExactly("MAIL_PROVIDER must be log, smtp or resend, not 'pigeon'");
    }

    @Test
    void readWhenSmtpOverTlsThenPort465AndAnSmtpMailer() {
        var env = new SettingsReader(Map.of("MAIL_PROVIDER", "SMTP", "SMTP_HOST", "mail.example.com",
                "SMTP_SECURE", "true")::get);

        MailSettings mail = MailSettings.read(env, true);

        assertThat(mail.smtp()).hasValueSatisfying(smtp -> assertThat(smtp.port()).isEqualTo(465));
        assertThat(mail.mailer()).isInstanceOf(SmtpAccountMailer.class);
    }
}

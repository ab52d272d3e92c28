package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.support.SettingsReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How mail leaves the service, read from the deployer's environment.
 *
 * @param templateDirectory where the deployer's own templates are; empty: the built-in ones
 */
public record MailSettings(String from, Provider provider, Optional<Smtp> smtp, Optional<String> resendApiKey,
                           URI resendBaseUrl, Optional<Path> templateDirectory) {

    public enum Provider { LOG, SMTP, RESEND }

    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, boolean secure) {
    }

    /** Reads MAIL_PROVIDER and what it needs; printing mail to the log is refused in production. */
    public static MailSettings read(SettingsReader env, boolean production) {
        Optional<String> resendApiKey = env.text("RESEND_API_KEY");
        Provider provider = env.text("MAIL_PROVIDER")
                .map(name -> provider(name, env))
                .orElse(resendApiKey.isPresent() ? Provider.RESEND : Provider.LOG);
        Optional<Smtp> smtp = Optional.empty();
        if (provider == Provider.SMTP) {
            Optional<String> host = env.text("SMTP_HOST");
            if (host.isEmpty()) {
                env.problem("SMTP_HOST is required when MAIL_PROVIDER=smtp");
            } else {
                boolean secure = Boolean.parseBoolean(env.text("SMTP_SECURE").orElse("false"));
                smtp = Optional.of(new Smtp(host.get(), env.integer("SMTP_PORT", secure ? 465 : 587),
                        env.text("SMTP_USERNAME"), env.text("SMTP_PASSWORD"), secure));
            }
        }
        if (provider == Provider.RESEND && resendApiKey.isEmpty()) {
            env.problem("RESEND_API_KEY is required when MAIL_PROVIDER=resend");
        }
        if (provider == Provider.LOG && production) {
            env.problem("MAIL_PROVIDER=log prints sign-in links to the log and is refused in production; "
                    + "set RESEND_API_KEY or MAIL_PROVIDER=smtp");
        }
        return new MailSettings(env.text("EMAIL_FROM").orElse("Auth <noreply@localhost>"), provider, smtp,
                resendApiKey, URI.create(env.text("RESEND_BASE_URL").orElse("https://api.resend.com")),
                env.text("MAIL_TEMPLATE_DIR").map(Path::of));
    }

    /** The mailer these settings choose, with the deployer's templates or the built-in ones. */
    public AccountMailer mailer() {
        MailTemplates templates = new MailTemplates(from, templateDirectory);
        return switch (provider) {
            case LOG -> new LoggingAccountMailer(templates);
            case RESEND -> new ResendAccountMailer(templates, resendBaseUrl, resendApiKey.orElseThrow());
            case SMTP -> {
                Smtp server = smtp.orElseThrow();
                yield new SmtpAccountMailer(templates, new SmtpAccountMailer.SmtpSettings(server.host(), server.port(),
                        server.username().orElse(null), server.password().orElse(null), server.secure()));
            }
        };
    }

    private static Provider provider(String name, SettingsReader env) {
        try {
            return Provider.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            env.problem("MAIL_PROVIDER must be log, smtp or resend, not '" + name + "'");
            return Provider.LOG;
        }
    }

    @Override
    public String toString() {
        return "MailSettings[provider=" + provider + ", from=" + from + "]";
    }
}

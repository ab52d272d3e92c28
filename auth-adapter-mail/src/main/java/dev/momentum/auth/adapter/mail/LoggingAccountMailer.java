package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Development mailer: prints the mail, link included, to the log instead of sending it. The
 * link is a credential, so production mode refuses this mailer.
 */
public final class LoggingAccountMailer implements AccountMailer {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingAccountMailer.class);

    private final MailTemplates templates;

    public LoggingAccountMailer(MailTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates cannot be null");
    }

    @Override
    public Mono<Void> send(AccountMail mail, String idempotencyKey) {
        return Mono.fromRunnable(() -> {
            RenderedMail rendered = templates.render(mail);
            LOG.info("Mail {} (not sent: MAIL_PROVIDER=log)\nFrom: {}\nTo: {}\nSubject: {}\n\n{}", idempotencyKey,
                    rendered.from(), rendered.to(), rendered.subject(), rendered.text());
        });
    }
}

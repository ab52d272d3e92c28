package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.mail.port.out.MailRejectedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends through an SMTP server with Jakarta Mail; the blocking send runs off the event loop. */
public final class SmtpAccountMailer implements AccountMailer {

    private final MailTemplates templates;
    private final Session session;

    public SmtpAccountMailer(MailTemplates templates, SmtpSettings settings) {
        this.templates = Objects.requireNonNull(templates, "templates cannot be null");
        this.session = Session.getInstance(properties(settings), settings.username() == null ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.username(), settings.password());
                    }
                });
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String protocol = settings.implicitTls() ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", settings.host());
        properties.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        properties.put("mail." + protocol + ".auth", String.valueOf(settings.username() != null));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "10000");
        properties.put("mail." + protocol + ".writetimeout", "10000");
        if (!settings.implicitTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        return properties;
    }

    @Override
    public Mono<Void> send(AccountMail mail, String idempotencyKey) {
        return Mono.<Void>fromCallable(() -> {
            try {
                Transport.send(toMessage(templates.render(mail), idempotencyKey));
            } catch (SendFailedException e) {
                // the server refused the addresses themselves; any other failure may pass later
                throw new MailRejectedException("SMTP server refused the recipient or sender: " + e.getMessage());
            }
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** SMTP knows no idempotency key; a stable Message-ID lets receiving servers and clients drop a repeat. */
    private MimeMessage toMessage(RenderedMail mail, String idempotencyKey) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + idempotencyKey + "@" + domainOf(mail.from()) + ">");
            }
        };
        message.setFrom(new InternetAddress(mail.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    private static String domainOf(String from) {
        String address = from.replaceAll(".*<([^>]*)>.*", "$1");
        int at = address.lastIndexOf('@');
        return at < 0 ? "auth-service" : address.substring(at + 1).strip();
    }

    /**
     * @param implicitTls true for SMTPS (usually port 465); otherwise STARTTLS is used when the server offers it
     */
    public record SmtpSettings(String host, int port, String username, String password, boolean implicitTls) {

        public SmtpSettings {
            Objects.requireNonNull(host, "host cannot be null");
        }

        @Override
        public String toString() {
            return "SmtpSettings[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
        }
    }
}

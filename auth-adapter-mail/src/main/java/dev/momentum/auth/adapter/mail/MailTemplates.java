package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.AccountDeletionMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangedNotice;
import dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subject, text and HTML of each mail ({@code verification}, {@code password-reset},
 * {@code email-change}, {@code email-changed}, {@code account-deletion}), from
 * {@code mail-templates/<name>.{subject.txt,txt,html}}:
 * a file in the deployer's override directory wins over the one built in. Placeholders are
 * {@code {{name}}}; values are HTML-escaped in the HTML body.
 */
public final class MailTemplates {

    private final String from;
    private final Optional<Path> overrides;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public MailTemplates(String from, Optional<Path> overrides) {
        this.from = Objects.requireNonNull(from, "from cannot be null");
        this.overrides = Objects.requireNonNull(overrides, "overrides cannot be null");
    }

    public RenderedMail render(AccountMail mail) {
        String name = displayName(mail.recipientName(), mail.to().value());
        return switch (mail) {
            case VerificationMail m -> render("verification", m, Map.of("name", name, "link", m.link().toString()));
            case PasswordResetMail m -> render("password-reset", m, Map.of("name", name, "link", m.link().toString()));
            case EmailChangeMail m -> render("email-change", m, Map.of("name", name, "link", m.link().toString()));
            case AccountDeletionMail m ->
                    render("account-deletion", m, Map.of("name", name, "link", m.link().toString()));
            case EmailChangedNotice m ->
                    render("email-changed", m, Map.of("name", name, "newEmail", m.newEmail().value()));
            case SecondFactorCodeMail m -> render("second-factor-code", m, Map.of("name", name, "code", m.code()));
        };
    }

    private RenderedMail render(String template, AccountMail mail, Map<String, String> values) {
        return new RenderedMail(from, mail.to().value(), fill(load(template + ".subject.txt"), values, false).strip(),
                fill(load(template + ".txt"), values, false), fill(load(template + ".html"), values, true));
    }

    private static String displayName(String name, String email) {
        return name.isBlank() ? email : name;
    }

    private String load(String file) {
        return cache.computeIfAbsent(file, name -> overrides.map(dir -> dir.resolve(name))
                .filter(Files::isRegularFile)
                .map(MailTemplates::read)
                .orElseGet(() -> builtIn(name)));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String builtIn(String name) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail-templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no built-in mail template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String out = template;
        for (var entry : values.entrySet()) {
            out = out.replace("{{" + entry.getKey() + "}}", html ? escapeHtml(entry.getValue()) : entry.getValue());
        }
        return out;
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

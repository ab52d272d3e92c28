package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.port.out.AccountMail;
import dev.momentum.auth.application.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.port.out.AccountMail.VerificationMail;
import java.net.URI;
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
 * Subject, text and HTML of each mail ({@code verification}, {@code password-reset}), from
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
        String template = switch (mail) {
            case VerificationMail ignored -> "verification";
            case PasswordResetMail ignored -> "password-reset";
        };
        URI link = switch (mail) {
            case VerificationMail verification -> verification.link();
            case PasswordResetMail reset -> reset.link();
        };
        return render(template, mail.to().value(),
                Map.of("name", displayName(mail.recipientName(), mail.to().value()), "link", link.toString()));
    }

    private RenderedMail render(String template, String to, Map<String, String> values) {
        return new RenderedMail(from, to, fill(load(template + ".subject.txt"), values, false).strip(),
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

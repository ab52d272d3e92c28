package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.mail.port.out.MailRejectedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through the Resend HTTP API ({@code POST /emails}), the provider of the service we
 * replace, with the JDK's non-blocking HTTP client. The idempotency key goes in Resend's
 * {@code Idempotency-Key} header: within 24 hours Resend sends a mail with a known key only once.
 */
public final class ResendAccountMailer implements AccountMailer {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.resend.com");

    private final MailTemplates templates;
    private final URI emailsEndpoint;
    private final String apiKey;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public ResendAccountMailer(MailTemplates templates, URI baseUrl, String apiKey) {
        this.templates = Objects.requireNonNull(templates, "templates cannot be null");
        this.emailsEndpoint = URI.create(Objects.requireNonNull(baseUrl, "baseUrl cannot be null")
                .toString().replaceAll("/+$", "") + "/emails");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey cannot be null");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Mono<Void> send(AccountMail mail, String idempotencyKey) {
        return Mono.defer(() -> {
            RenderedMail rendered = templates.render(mail);
            byte[] body = json.writeValueAsBytes(Map.of(
                    "from", rendered.from(),
                    "to", List.of(rendered.to()),
                    "subject", rendered.subject(),
                    "text", rendered.text(),
                    "html", rendered.html()));
            HttpRequest request = HttpRequest.newBuilder(emailsEndpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }).flatMap(ResendAccountMailer::outcome);
    }

    /**
     * 400 and 422 are Resend's answers to a mail it will never send (bad address, bad sender):
     * retrying cannot help. Anything else (429, 5xx, a revoked key an operator will replace) may pass later.
     */
    private static Mono<Void> outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Mono.empty();
        }
        String problem = "Resend answered " + status + ": " + abbreviate(response.body());
        return Mono.error(status == 400 || status == 422 ? new MailRejectedException(problem)
                : new MailDeliveryException(problem));
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    public static final class MailDeliveryException extends RuntimeException {
        MailDeliveryException(String message) {
            super(message);
        }
    }
}

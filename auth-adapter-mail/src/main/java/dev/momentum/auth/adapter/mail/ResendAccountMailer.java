package dev.momentum.auth.adapter.mail;

import dev.momentum.auth.application.port.out.AccountMail;
import dev.momentum.auth.application.port.out.AccountMailer;
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
 * replace, with the JDK's non-blocking HTTP client.
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
    public Mono<Void> send(AccountMail mail) {
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
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }).flatMap(response -> response.statusCode() / 100 == 2
                ? Mono.<Void>empty()
                : Mono.error(new MailDeliveryException("Resend answered " + response.statusCode() + ": "
                        + abbreviate(response.body()))));
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

package dev.momentum.auth.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.momentum.auth.application.mail.port.out.MailRejectedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Against a real HTTP server on loopback that answers like Resend's {@code POST /emails}. */
class ResendAccountMailerTest {

    private HttpServer server;
    private final List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/emails", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            bodies.add(JsonMapper.builder().build().readValue(exchange.getRequestBody().readAllBytes(), Map.class));
            byte[] answer = (status.get() == 200 ? "{\"id\":\"49a3999c\"}" : "{\"message\":\"invalid from\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ResendAccountMailer mailer() {
        return new ResendAccountMailer(TestMails.templates(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "re_test_key");
    }

    @Test
    void sendWhenAcceptedThenPostsTheMailWithTheApiKey() {
        mailer().send(TestMails.verification("Ada"), "mail-1").block();

        assertThat(authorizations).containsExactly("Bearer re_test_key");
        assertThat(idempotencyKeys).containsExactly("mail-1");
        assertThat(bodies).hasSize(1);
        Map<String, Object> body = bodies.getFirst();
        assertThat(body).containsEntry("from", "Auth <noreply@example.com>")
                .containsEntry("to", List.of("ada@example.com"))
                .containsEntry("subject", "Verify your email address");
        assertThat((String) body.get("text")).contains(TestMails.LINK.toString());
        assertThat((String) body.get("html")).contains("token=abc123&amp;callbackURL=%2F");
    }

    @Test
    void sendWhenProviderRefusesTheMailThenErrorIsARejectionNamingTheStatus() {
        status.set(422);

        assertThatThrownBy(() -> mailer().send(TestMails.verification("Ada"), "mail-1").block())
                .isInstanceOf(MailRejectedException.class)
                .hasMessageContaining("422");
    }

    @Test
    void sendWhenProviderIsDownOrLimitingThenErrorIsWorthRetrying() {
        for (int answer : new int[] {429, 500, 503, 401}) {
            status.set(answer);

            assertThatThrownBy(() -> mailer().send(TestMails.verification("Ada"), "mail-1").block())
                    .isNotInstanceOf(MailRejectedException.class)
                    .hasMessageContaining(String.valueOf(answer));
        }
    }

    @Test
    void renderWhenEveryKindOfMailThenEachHasItsSubjectAndDetail() {
        for (var mail : TestMails.everyKind()) {
            mailer().send(mail, "mail-" + mail.getClass().getSimpleName()).block();
        }

        assertThat(bodies).extracting(body -> body.get("subject")).containsExactly("Verify your email address",
                "Reset your password", "Confirm your new email address", "Your email address was changed",
                "Confirm the deletion of your account");
        assertThat((String) bodies.get(2).get("text")).contains(TestMails.LINK.toString());
        assertThat((String) bodies.get(3).get("text")).contains("ada.new@example.com");
        assertThat((String) bodies.get(3).get("html")).doesNotContain("{{");
    }
}

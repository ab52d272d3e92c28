package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole run of the service, from start through every flow that handles a secret to stop, and
 * then a grep of everything it printed: no password, token, cookie or secret appears (issue 6,
 * item 4). Only the test's own mail server (GreenMail) is left out, since it prints the mail it
 * receives.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String SECRET = "logs-test-secret-Zk3n9QpX7vL2mT8rY4wB6";
    private static final String PASSWORD = "first-password-9b7e1c";
    private static final String NEW_PASSWORD = "second-password-4f2a8d";
    private static final String EMAIL = "secrets@example.com";

    @Test
    void aFullRunPrintsNoPasswordTokenCookieOrSecret(CapturedOutput output) throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        // the database's password is Testcontainers' "test", too common a word to grep for;
        // ServiceSettingsTest covers that a DATABASE_URL is printed without it
        List<String> secrets = new ArrayList<>(List.of(SECRET, PASSWORD, NEW_PASSWORD));
        try (RunningService service = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), "AUTH_SECRET", SECRET, "MAIL_POLL_INTERVAL", "100ms"))) {
            WebTestClient http = service.client();
            post(http, "/sign-up/email", "{\"name\":\"Ada\",\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", null);
            String verification = Mailbox.awaitVerificationLink(SMTP, EMAIL, 1);
            secrets.add(tokenOf(verification));
            http.get().uri(URI.create(verification)).exchange().expectStatus().is3xxRedirection();

            post(http, "/sign-in/email", "{\"email\":\"" + EMAIL + "\",\"password\":\"wrong-" + PASSWORD + "\"}", null);
            var signIn = http.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}").exchange()
                    .expectStatus().isOk().returnResult(Void.class).getResponseHeaders();
            String bearer = signIn.getFirst("set-auth-token");
            String cookie = signIn.get(HttpHeaders.SET_COOKIE).stream().map(header -> header.split(";", 2)[0])
                    .collect(Collectors.joining("; "));
            secrets.add(bearer);
            secrets.add(cookie.substring(cookie.indexOf('=') + 1, cookie.contains(";") ? cookie.indexOf(';') : cookie.length()));

            String jwt = new String(http.get().uri("/api/auth/token").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
            secrets.add(jwt.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
            http.get().uri("/api/auth/get-session").header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().isOk();

            post(http, "/change-password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD
                    + "\"}", bearer);
            post(http, "/request-password-reset", "{\"email\":\"" + EMAIL + "\"}", null);
            String reset = Mailbox.awaitVerificationLink(SMTP, EMAIL, 2);
            String resetToken = reset.replaceAll(".*/reset-password/([^?]+).*", "$1");
            secrets.add(resetToken);
            post(http, "/reset-password", "{\"newPassword\":\"" + PASSWORD + "-again\",\"token\":\"" + resetToken + "\"}", null);
            post(http, "/sign-out", "{}", bearer);
        }

        List<String> serviceLines = output.getAll().lines()
                .filter(line -> !line.contains("com.icegreen") && !line.contains("greenmail")).toList();
        assertThat(serviceLines).as("the service's own log lines were captured")
                .anyMatch(line -> line.contains("Auth API ready at"))
                .anyMatch(line -> line.contains("Mail goes through smtp"));
        for (String secret : secrets) {
            assertThat(secret).hasSizeGreaterThan(8);
            assertThat(serviceLines).as("lines holding a secret").noneMatch(line -> line.contains(secret));
        }
    }

    private static void post(WebTestClient http, String path, String json, String bearer) {
        http.post().uri("/api/auth" + path).header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static String tokenOf(String link) {
        return link.replaceAll(".*[?&]token=([^&]+).*", "$1");
    }
}

package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit trail (ADR-0032) of the running service on PostgreSQL: each security event a client
 * causes over HTTP is stored with its user, the client's address and user agent, and its outcome,
 * and no column holds a password or a session token.
 */
class AuditTrailIT {

    private static final String AGENT = "AuditTrailIT/1.0 (system test)";
    private static final String PASSWORD = "audited passphrase 1";

    static DatabaseUrl database;
    static RunningService service;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void securityEventsWhenAClientSignsUpFailsSignsInAndOutThenEachIsStoredWithWhoWhereAndOutcome() throws Exception {
        WebTestClient http = service.client().mutate().defaultHeader("User-Agent", AGENT).build();
        String credentials = """
                {"name":"Ada","email":"ada@example.com","password":"%s"}""".formatted(PASSWORD);
        post(http, "/sign-up/email", credentials).expectStatus().isOk();
        post(http, "/sign-up/email", credentials).expectStatus().isOk();
        Rows.update(database, "UPDATE users SET email_verified = TRUE WHERE email = ?", "ada@example.com");
        post(http, "/sign-in/email", """
                {"email":"ada@example.com","password":"not the passphrase"}""").expectStatus().isUnauthorized();
        String cookie = post(http, "/sign-in/email", credentials).expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie").split(";", 2)[0];
        http.post().uri("/api/auth/sign-out").header("Cookie", cookie).header("Origin", service.baseUrl()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        String ada = Rows.text(database, "SELECT id FROM users WHERE email = 'ada@example.com'");

        String trail = Rows.text(database, """
                SELECT string_agg(concat_ws('|', type, succeeded::text, coalesce(user_id, '-'), coalesce(email, '-'),
                                            coalesce(ip_address, '-'), coalesce(user_agent, '-'), coalesce(detail, '-')),
                                  E'\\n' ORDER BY id)
                FROM audit_events WHERE type <> 'KEY_ROTATION'""");

        String from = "127.0.0.1|" + AGENT;
        assertThat(trail.lines().toList()).containsExactly(
                "SIGN_UP|true|" + ada + "|ada@example.com|" + from + "|-",
                "SIGN_UP|false|-|ada@example.com|" + from + "|EMAIL_TAKEN",
                "SIGN_IN|false|-|ada@example.com|" + from + "|INVALID_EMAIL_OR_PASSWORD",
                "SIGN_IN|true|" + ada + "|ada@example.com|" + from + "|-",
                "SIGN_OUT|true|" + ada + "|ada@example.com|" + from + "|-");
        assertThat(trail).doesNotContain(PASSWORD, "not the passphrase", cookie.substring(cookie.indexOf('=') + 1));
        assertThat(Rows.text(database, "SELECT string_agg(type || ' ' || succeeded::text, ',') FROM audit_events "
                + "WHERE type = 'KEY_ROTATION'")).as("the first signing key, made at start").isEqualTo("KEY_ROTATION true");
    }

    private static WebTestClient.ResponseSpec post(WebTestClient http, String path, String json) {
        return http.post().uri("/api/auth" + path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}

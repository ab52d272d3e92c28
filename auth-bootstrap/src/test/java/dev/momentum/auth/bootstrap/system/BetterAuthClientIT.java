package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * better-auth's own npm client ({@code e2e/better-auth-client/flow.mjs}), unchanged, against the
 * running service on PostgreSQL with a real SMTP server. The script reads mailed links from a
 * small HTTP mailbox that this test serves from the SMTP server's inbox.
 */
class BetterAuthClientIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void betterAuthClientCompletesTheWholeFlow() throws Exception {
        assertPasses("flow.mjs", "CHANGE_EMAIL_ENABLED", "true", "DELETE_USER_ENABLED", "true");
    }

    /** better-auth's client with its twoFactorClient plugin; otplib, as an authenticator app, computes the codes. */
    @Test
    void betterAuthClientCompletesTheSecondFactorFlow() throws Exception {
        assertPasses("two-factor-flow.mjs");
    }

    private static void assertPasses(String script, String... settings) throws Exception {
        NodeScripts.requireInstalled();

        DatabaseUrl database = TestPostgres.freshDatabase();
        HttpServer mailbox = mailbox();
        try (RunningService service = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), settings))) {
            var flow = NodeScripts.node(script, 120, service.baseUrl() + "/api/auth",
                    "http://127.0.0.1:" + mailbox.getAddress().getPort() + "/link", RunningService.FRONTEND);
            System.getLogger(BetterAuthClientIT.class.getName()).log(System.Logger.Level.INFO,
                    "better-auth client, " + script + ":\n{0}", flow.output());
            assertThat(flow.output()).doesNotContain("FAIL").containsPattern("(?m)^\\d+ passed, 0 failed$");
            assertThat(flow.exitCode()).isZero();
        } finally {
            mailbox.stop(0);
        }
    }

    /** {@code /link?to=&n=}: the link of that address's n-th mail; {@code /code?to=&n=}: the sign-in code in it. */
    private static HttpServer mailbox() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/link", exchange -> answer(exchange, Mailbox::awaitVerificationLink));
        server.createContext("/code", exchange -> answer(exchange, Mailbox::awaitSignInCode));
        server.start();
        return server;
    }

    private interface MailReader {
        String read(GreenMailExtension smtp, String address, int n) throws Exception;
    }

    private static void answer(HttpExchange exchange, MailReader reader) throws IOException {
        Map<String, String> query = Arrays.stream(exchange.getRequestURI().getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        byte[] answer;
        int status;
        try {
            answer = reader.read(SMTP, query.get("to"), Integer.parseInt(query.get("n"))).getBytes(StandardCharsets.UTF_8);
            status = 200;
        } catch (Exception | AssertionError e) {
            answer = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
            status = 404;
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}

package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.bootstrap.AuthServiceApplication;
import dev.momentum.auth.bootstrap.config.ServiceSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole service, started as main() starts it, on a free port, configured by environment variables. */
final class RunningService implements AutoCloseable {

    static final String FRONTEND = "http://localhost:3000";

    private final ConfigurableApplicationContext context;
    final int port;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static RunningService start(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("AUTH_SECRET", "test-secret-0123456789-abcdefghijklmnop");
        env.putIfAbsent("FRONTEND_URL", FRONTEND);
        env.putIfAbsent("PORT", String.valueOf(freePort()));
        // the tests sign in more often than a person would; RateLimitIT turns it back on
        env.putIfAbsent("RATE_LIMIT_ENABLED", "false");
        ServiceSettings settings = ServiceSettings.from(env::get);
        return new RunningService(AuthServiceApplication.start(settings));
    }

    /** Settings for a service on this PostgreSQL database mailing through the SMTP server on loopback, plus more. */
    static Map<String, String> onPostgresWithSmtp(dev.momentum.auth.adapter.persistence.DatabaseUrl database,
                                                  int smtpPort, String... moreNamesAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", databaseUrlOf(database),
                "MAIL_PROVIDER", "smtp", "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtpPort)));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            env.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return env;
    }

    /** The DATABASE_URL an operator would set for this database, password included. */
    static String databaseUrlOf(dev.momentum.auth.adapter.persistence.DatabaseUrl database) {
        return "postgres://" + database.username() + ":" + database.password() + "@" + database.host() + ":"
                + database.port() + "/" + database.database();
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(20)).build();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}

package dev.momentum.auth.adapter.persistence;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One PostgreSQL container per test JVM, and a fresh database in it per caller. The image is
 * {@code TEST_POSTGRES_IMAGE} (CI sets a locally built stand-in), by default the public postgres:16.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgreSQLContainer container;

    private TestPostgres() {
    }

    public static synchronized PostgreSQLContainer container() {
        if (container == null) {
            String image = System.getenv().getOrDefault("TEST_POSTGRES_IMAGE", "postgres:16-alpine");
            container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
            container.start();
        }
        return container;
    }

    /** A new, empty database in the shared container, as a {@code postgres://} URL. */
    public static DatabaseUrl freshDatabase() {
        PostgreSQLContainer postgres = container();
        String name = "test_" + DATABASES.incrementAndGet();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword())) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return DatabaseUrl.parse("postgres://" + postgres.getUsername() + ":" + postgres.getPassword() + "@"
                + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + name + "?sslmode=disable");
    }
}

package dev.momentum.auth.deploy;

import static dev.momentum.auth.deploy.Docker.compose;
import static dev.momentum.auth.deploy.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker-compose.yml as an operator runs it (the production file, without the development
 * override): up, a user signs up, down and up again, the service container restarts, and the user
 * is still there each time.
 */
class ComposeDeploymentIT {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final int port = ContainerImageIT.freePort();
    final String project = "authcompose" + port;
    Path directory;

    @BeforeEach
    void writeDeployment() throws Exception {
        ServiceImage.build();
        Path root = Files.createTempDirectory("compose");
        directory = Files.createDirectories(root.resolve("deploy"));
        Files.copy(ServiceImage.REPOSITORY.resolve("deploy/docker-compose.yml"), directory.resolve("docker-compose.yml"));
        Files.writeString(directory.resolve(".env"), String.join("\n",
                "POSTGRES_PASSWORD=compose-test-password-1",
                "AUTH_SECRET=" + ContainerImageIT.SECRET,
                "APP_ENV=development",
                "MAIL_PROVIDER=log",
                "AUTH_PORT=" + port,
                "AUTH_BASE_URL=http://localhost:" + port,
                "FRONTEND_URL=http://localhost:3000",
                "AUTH_IMAGE=" + ServiceImage.TAG,
                "POSTGRES_IMAGE=" + ContainerImageIT.POSTGRES_IMAGE, ""));
    }

    @AfterEach
    void removeDeployment() {
        compose(directory, project, "down", "-v", "--remove-orphans");
    }

    private void upAndHealthy() throws Exception {
        compose(directory, project, "up", "-d", "--no-build").orFail("docker-compose up");
        Docker.awaitHealthy(project + "_auth_1", Duration.ofSeconds(120));
    }

    private int signIn(String email) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/sign-in/email"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The development override needs Mailpit's image, which no registry here serves; compose 1.29 must still accept both files. */
    @Test
    void developmentOverrideIsValidForComposeOneDotTwentyNine() throws Exception {
        Files.copy(ServiceImage.REPOSITORY.resolve("deploy/docker-compose.override.yml"),
                directory.resolve("docker-compose.override.yml"));

        String merged = compose(directory, project, "config").orFail("docker-compose config").output();

        assertThat(merged).contains("mailpit:", "SMTP_HOST: mailpit", "APP_ENV: development", "8025");
    }

    @Test
    void dataSurvivesDownAndUpAndAServiceContainerRestart() throws Exception {
        upAndHealthy();
        String email = "compose@example.com";
        var signUp = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/sign-up/email"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Ada\",\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).isEqualTo(200);
        // the right password reaching the verification check proves the user is stored
        assertThat(signIn(email)).isEqualTo(403);
        assertThat(signIn("stranger@example.com")).isEqualTo(401);

        compose(directory, project, "down").orFail("docker-compose down");
        upAndHealthy();
        assertThat(signIn(email)).as("after down and up").isEqualTo(403);

        docker("restart", project + "_auth_1").orFail("docker restart");
        Docker.awaitHealthy(project + "_auth_1", Duration.ofSeconds(120));
        assertThat(signIn(email)).as("after a service container restart").isEqualTo(403);
        assertThat(Docker.inspect(project + "_auth_1", "{{.HostConfig.ReadonlyRootfs}}")).isEqualTo("true");
    }
}

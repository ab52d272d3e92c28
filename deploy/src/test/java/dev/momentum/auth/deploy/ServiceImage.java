package dev.momentum.auth.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image under test, built once per test run from this repository with deploy/Dockerfile.
 * The build image comes from AUTH_BUILD_IMAGE and the AOT training run's database image from
 * AUTH_TRAINING_POSTGRES_IMAGE (CI: local stand-ins), else the Dockerfile's public defaults; the
 * runtime has no base image.
 */
final class ServiceImage {

    static final String TAG = "auth-service:test";
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, String> BASE_IMAGE_ARGUMENTS = Map.of(
            "AUTH_BUILD_IMAGE", "BUILD_IMAGE", "AUTH_TRAINING_POSTGRES_IMAGE", "TRAINING_POSTGRES_IMAGE");
    private static final Logger LOG = LoggerFactory.getLogger(ServiceImage.class);
    private static boolean built;

    private ServiceImage() {
    }

    static synchronized void build() {
        if (built) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("build", "-f", REPOSITORY.resolve("deploy/Dockerfile").toString(), "-t", TAG));
        BASE_IMAGE_ARGUMENTS.forEach((variable, argument) -> {
            String image = System.getenv(variable);
            if (image != null) {
                command.addAll(List.of("--build-arg", argument + "=" + image));
            }
        });
        command.add(REPOSITORY.toString());
        long started = System.nanoTime();
        Docker.docker(Duration.ofMinutes(20), command.toArray(String[]::new)).orFail("docker build");
        long bytes = Long.parseLong(Docker.inspect(TAG, "{{.Size}}"));
        LOG.info("image {} built in {} s; size {} bytes ({} MB)", TAG, (System.nanoTime() - started) / 1_000_000_000,
                bytes, bytes / 1_000_000);
        built = true;
    }

    /** How many changesets the service's changelog holds: a migrated database has applied them all. */
    static int changesetsInChangelog() {
        try (var files = java.nio.file.Files.list(REPOSITORY.resolve(
                "auth-adapter-persistence/src/main/resources/db/changelog/changes"))) {
            return files.mapToInt(file -> {
                try {
                    return (int) java.nio.file.Files.readAllLines(file).stream()
                            .filter(line -> line.strip().equals("- changeSet:")).count();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

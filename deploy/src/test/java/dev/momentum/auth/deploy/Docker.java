package dev.momentum.auth.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The docker and docker-compose command lines, as an operator would type them. */
final class Docker {

    /** The engine's own client (BuildKit built in) where it exists, as the container-env README advises. */
    static final String DOCKER = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";

    record Result(int exitCode, String output) {

        Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed (" + exitCode + "):\n" + output);
            }
            return this;
        }

        String trimmed() {
            return output.strip();
        }
    }

    private Docker() {
    }

    static Result docker(String... arguments) {
        return docker(Duration.ofMinutes(15), arguments);
    }

    static Result docker(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(DOCKER));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), null, timeout);
    }

    static Result compose(Path directory, String project, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), directory, Duration.ofMinutes(5));
    }

    static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout) {
        try {
            Path output = Files.createTempFile("docker", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().put("DOCKER_BUILDKIT", DOCKER.equals("/usr/bin/docker") ? "1" : "0");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String inspect(String target, String format) {
        return docker("inspect", "--format", format, target).orFail("docker inspect " + target).trimmed();
    }

    /** Polls the container's own HEALTHCHECK until it says healthy; returns how long that took. */
    static Duration awaitHealthy(String container, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            String status = inspect(container, "{{if .State.Health}}{{.State.Health.Status}}{{end}} {{.State.Status}}");
            if (status.startsWith("healthy")) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (status.endsWith("exited")) {
                throw new AssertionError(container + " exited:\n" + docker("logs", container).output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(container + " not healthy within " + limit + ":\n" + docker("logs", container).output());
    }

    static int awaitExit(String container, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            if (inspect(container, "{{.State.Status}}").equals("exited")) {
                return Integer.parseInt(inspect(container, "{{.State.ExitCode}}"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(container + " still running after " + limit);
    }
}

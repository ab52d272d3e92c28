package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node scripts in {@code e2e/better-auth-client}, run with the npm packages a frontend or a
 * Node backend uses (better-auth's client, jose). Without node a local run skips; CI must have it.
 */
final class NodeScripts {

    static final Path DIRECTORY = Path.of("..", "e2e", "better-auth-client").toAbsolutePath().normalize();
    /** The passkey test's page and browser driver: better-auth's passkeyClient needs its own versions. */
    static final Path PASSKEY_BROWSER = Path.of("..", "e2e", "passkey-browser").toAbsolutePath().normalize();
    /** The official MCP SDK and openid-client, against the authorization server. */
    static final Path MCP_OAUTH = Path.of("..", "e2e", "mcp-oauth").toAbsolutePath().normalize();

    private NodeScripts() {
    }

    /** Skips without node outside CI, fails without it in CI, and installs the packages once. */
    static void requireInstalled() throws Exception {
        requireInstalled(DIRECTORY, "better-auth");
    }

    /** As {@link #requireInstalled()}, for the packages of another directory, found by one of them. */
    static void requireInstalled(Path directory, String packageName) throws Exception {
        boolean nodeInstalled = run(directory, List.of("node", "--version"), 30, null) == 0;
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(nodeInstalled, "node is not installed");
        }
        assertThat(nodeInstalled).as("node must be installed in CI").isTrue();
        if (!Files.isDirectory(directory.resolve("node_modules").resolve(packageName))) {
            assertThat(run(directory, List.of("npm", "ci", "--no-audit", "--no-fund"), 300, null)).as("npm ci").isZero();
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result node(String script, int timeoutSeconds, String... arguments) throws Exception {
        return node(DIRECTORY, script, timeoutSeconds, arguments);
    }

    static Result node(Path directory, String script, int timeoutSeconds, String... arguments) throws Exception {
        Path output = Files.createTempFile("node-" + script, ".log");
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        int exit = run(directory, command, timeoutSeconds, output);
        return new Result(exit, Files.readString(output));
    }

    private static int run(Path directory, List<String> command, int timeoutSeconds, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -2;
        }
        return process.exitValue();
    }
}

package dev.momentum.auth.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Outside production, with no AUTH_SECRET, a random secret is made once and kept beside the
 * embedded database, so sessions survive restarts (better-auth uses a fixed public default instead).
 */
final class DevelopmentSecret {

    private DevelopmentSecret() {
    }

    static String in(Path dataDirectory) {
        Path file = dataDirectory.resolve("dev-secret");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDirectory);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's permissions have to do
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a development secret in " + dataDirectory, e);
        }
    }
}

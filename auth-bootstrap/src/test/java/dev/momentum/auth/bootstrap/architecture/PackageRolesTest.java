package dev.momentum.auth.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the main code says in its package-info.java what it is for. */
class PackageRolesTest {

    static final Path REPOSITORY = DocumentationLinksTest.REPOSITORY;

    @Test
    void everyMainPackageDeclaresItsRole() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            packages = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> REPOSITORY.relativize(file).toString().matches("auth-[a-z-]+/src/main/java/.*"))
                    .map(Path::getParent).distinct().toList();
        }
        List<String> silent = packages.stream()
                .filter(dir -> !declaresRole(dir.resolve("package-info.java")))
                .map(dir -> REPOSITORY.relativize(dir).toString())
                .toList();
        assertThat(packages).as("main packages found").hasSizeGreaterThan(40);
        assertThat(silent).as("packages without a package-info.java that says their role").isEmpty();
    }

    private static boolean declaresRole(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).matches("(?s)/\\*\\*\\s*\\n \\* \\S.*");
        } catch (IOException unreadable) {
            return false;
        }
    }
}

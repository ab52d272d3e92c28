package dev.momentum.auth.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the repository's Markdown files points at a file of the repository: a
 * user's clone has nothing beside it, so a link out of it (or to a file that moved) is broken.
 */
class DocumentationLinksTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheMarkdownFilesPointsAtAFileInsideTheRepository() throws IOException {
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            markdown = files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !REPOSITORY.relativize(file).toString().matches(
                            "(.*/)?(node_modules|target|\\.git)/.*"))
                    .toList();
        }
        List<String> broken = new ArrayList<>();
        for (Path file : markdown) {
            Matcher links = LINK.matcher(Files.readString(file));
            while (links.find()) {
                String target = links.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue;
                }
                Path resolved = file.getParent().resolve(target).normalize();
                if (!resolved.startsWith(REPOSITORY) || !Files.exists(resolved)) {
                    broken.add(REPOSITORY.relativize(file) + " -> " + links.group(1));
                }
            }
        }
        assertThat(markdown).as("Markdown files found").hasSizeGreaterThan(40);
        assertThat(broken).as("links out of the repository or to missing files").isEmpty();
    }
}

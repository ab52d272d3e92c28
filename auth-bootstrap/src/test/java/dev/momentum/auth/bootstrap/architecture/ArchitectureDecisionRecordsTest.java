package dev.momentum.auth.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ADR is MADR with the two parts an architect asks for: the options weighed and the test that holds it. */
class ArchitectureDecisionRecordsTest {

    static final Path ADRS = DocumentationLinksTest.REPOSITORY.resolve("docs/adr");
    /** A test class (…Test, …IT) or a benchmark script, as the Confirmation names it. */
    static final Pattern NAMED_TEST = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Test|IT)\\b|bench/[a-z-]+\\.sh");

    @Test
    void everyDecisionHasConsideredOptionsAndAConfirmationThatNamesATest() throws IOException {
        List<Path> records;
        try (Stream<Path> files = Files.list(ADRS)) {
            records = files.filter(file -> file.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
        }
        List<String> incomplete = new ArrayList<>();
        for (Path record : records) {
            String text = Files.readString(record);
            int confirmation = text.indexOf("Confirmation\n");
            if (!text.contains("\n## Considered Options\n")) {
                incomplete.add(record.getFileName() + ": no Considered Options");
            }
            if (confirmation < 0 || !NAMED_TEST.matcher(text.substring(confirmation)).find()) {
                incomplete.add(record.getFileName() + ": no Confirmation that names a test");
            }
        }
        assertThat(records).hasSizeGreaterThan(40);
        assertThat(incomplete).isEmpty();
    }
}

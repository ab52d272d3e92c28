package dev.momentum.auth.domain.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackupCodesTest {

    @Test
    void generateThenTenCodesShapedAsBetterAuthShowsThem() {
        Iterator<String> random = IntStream.range(0, 10).mapToObj(i -> "AbCdE" + i + "fGhIjKlMnOpQ").iterator();

        var codes = BackupCodes.generate(random::next);

        assertThat(codes.codes()).hasSize(BackupCodes.COUNT).allMatch(code -> code.matches("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}"))
                .startsWith("AbCdE-0fGhI", "AbCdE-1fGhI").doesNotHaveDuplicates();
    }

    @Test
    void spendingWhenACodeIsPresentedThenTheOthersAreLeftAndItIsSpentOnce() {
        var codes = new BackupCodes(List.of("aaaaa-11111", "bbbbb-22222", "ccccc-33333"));

        var left = codes.spending("bbbbb-22222");

        assertThat(left).hasValueSatisfying(rest -> assertThat(rest.codes()).containsExactly("aaaaa-11111", "ccccc-33333"));
        assertThat(left.get().spending("bbbbb-22222")).as("spent").isEmpty();
    }

    @Test
    void spendingWhenNoneOfThemThenNothingIsSpent() {
        var codes = new BackupCodes(List.of("aaaaa-11111"));

        assertThat(codes.spending("aaaaa-11112")).isEmpty();
        assertThat(codes.spending("AAAAA-11111")).as("case counts").isEmpty();
        assertThat(codes.spending("")).isEmpty();
        assertThat(codes.spending(null)).isEmpty();
        assertThat(new BackupCodes(List.of()).spending("aaaaa-11111")).isEmpty();
    }

    @Test
    void toStringWhenPrintedThenNoCodeShows() {
        assertThat(new BackupCodes(List.of("aaaaa-11111")).toString()).doesNotContain("aaaaa");
    }
}

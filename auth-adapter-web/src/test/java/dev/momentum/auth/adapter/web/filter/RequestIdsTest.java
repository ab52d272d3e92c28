package dev.momentum.auth.adapter.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    private final AtomicInteger made = new AtomicInteger();
    private final RequestIds requestIds = new RequestIds(() -> {
            made.incrementAndGet();
            return "instance1234567890abcd";
        });

    @Test
    void idForWhenThePresentedIdIsPlainThenKept() {
        assertThat(requestIds.idFor("edge-7f3a.19_x")).isEqualTo("edge-7f3a.19_x");
    }

    @Test
    void idForWhenMissingOrNotPlainOrTooLongThenANewOne() {
        List<String> made = new ArrayList<>();
        for (String presented : new String[] {null, "", "a b", "x\nforged log line", "é", "x".repeat(65)}) {
            made.add(requestIds.idFor(presented));
        }
        assertThat(made).allMatch(id -> id.startsWith("instance1234-")).doesNotHaveDuplicates();
        assertThat(this.made).as("the secure source is asked once, for the instance's prefix").hasValue(1);
    }

    @Test
    void randomIdWhenDrawnThenThirtyTwoHexDigitsEachTimeAnother() {
        assertThat(RequestIds.randomId()).matches("[0-9a-f]{32}").isNotEqualTo(RequestIds.randomId());
    }
}

package dev.momentum.auth.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.port.out.SecureTokenGenerator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    private final AtomicInteger made = new AtomicInteger();
    private final RequestIds requestIds = new RequestIds(new SecureTokenGenerator() {
        @Override
        public String newToken() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String newId() {
            return "new" + made.incrementAndGet();
        }
    });

    @Test
    void idForWhenThePresentedIdIsPlainThenKept() {
        assertThat(requestIds.idFor("edge-7f3a.19_x")).isEqualTo("edge-7f3a.19_x");
        assertThat(made).hasValue(0);
    }

    @Test
    void idForWhenMissingOrNotPlainOrTooLongThenANewOne() {
        for (String presented : new String[] {null, "", "a b", "x\nforged log line", "é", "x".repeat(65)}) {
            assertThat(requestIds.idFor(presented)).startsWith("new");
        }
        assertThat(made).hasValue(6);
    }
}

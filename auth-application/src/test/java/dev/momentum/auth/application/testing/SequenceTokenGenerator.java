package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import java.util.concurrent.atomic.AtomicInteger;

/** Distinct tokens in the real ones' form, 32 characters of [A-Za-z0-9], in a sequence tests can follow. */
public final class SequenceTokenGenerator implements SecureTokenGenerator {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String newToken() {
        return "%010dtokentokentokentokentok".formatted(next.incrementAndGet());
    }

    @Override
    public String newCode() {
        return "%06d".formatted(next.incrementAndGet());
    }

    @Override
    public String newId() {
        return "id" + next.incrementAndGet();
    }
}

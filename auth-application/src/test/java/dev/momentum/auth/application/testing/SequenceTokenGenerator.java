package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import java.util.concurrent.atomic.AtomicInteger;

public final class SequenceTokenGenerator implements SecureTokenGenerator {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String newToken() {
        return "token" + next.incrementAndGet();
    }

    @Override
    public String newId() {
        return "id" + next.incrementAndGet();
    }
}

package dev.momentum.auth.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SessionBoundWritesTest {

    private final TestAuthService auth = new TestAuthService();
    private final SessionBoundWrites writes = new SessionBoundWrites(auth.sessions, auth.transactions);

    @Test
    void writeWhenTheSessionStillExistsThenTheWorkRuns() {
        var current = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(writes.write(current, () -> Mono.just("written"))).expectNext("written").verifyComplete();
    }

    @Test
    void writeWhenTheSessionWasRevokedAfterItWasReadThenUnauthorizedAndTheWorkNeverRuns() {
        var current = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.sessions.deleteAllOfUser(current.user().id(), null).block();
        AtomicBoolean ran = new AtomicBoolean();

        StepVerifier.create(writes.write(current, () -> Mono.fromRunnable(() -> ran.set(true))))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
        assertThat(ran).isFalse();
    }
}

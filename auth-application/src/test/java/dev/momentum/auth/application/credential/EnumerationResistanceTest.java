package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.verification.SendVerificationEmailService;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Whether an address has an account must not show in what a request without a session costs or
 * answers: for an address with an account and one without, each request runs the same number of
 * hashes and password checks, asks the user store the same things in the same order, and ends the
 * same way. Counted, not timed; the time each takes is measured by bench/enumeration.sh.
 */
class EnumerationResistanceTest {

    private static final String KNOWN = "ada@example.com";
    private static final String UNKNOWN = "nobody@example.com";
    private static final Duration FLOOR = Duration.ofMillis(500);

    /** What one request did: its answer, and what it asked of the hasher and the user store. */
    private record Trace(String outcome, int hashes, int checks, List<String> storeCalls) {
    }

    private static Trace trace(Function<TestAuthService, Mono<?>> request, String email) {
        TestAuthService auth = new TestAuthService();
        auth.signUpVerifyAndSignIn(KNOWN);
        auth.hasher.hashes.set(0);
        auth.hasher.checks.set(0);
        auth.users.calls.clear();
        String outcome = request.apply(auth).map(answer -> "answered " + answer.getClass().getSimpleName())
                .onErrorResume(failure -> Mono.just("refused " + failure))
                .defaultIfEmpty("completed")
                .block();
        return new Trace(outcome.replace(email, "<address>"), auth.hasher.hashes.get(), auth.hasher.checks.get(),
                List.copyOf(auth.users.calls));
    }

    private static Trace assertAlike(Function<String, Function<TestAuthService, Mono<?>>> request) {
        Trace known = trace(request.apply(KNOWN), KNOWN);
        Trace unknown = trace(request.apply(UNKNOWN), UNKNOWN);

        assertThat(unknown).isEqualTo(known);
        return known;
    }

    /** A request that checks or sets a password costs one hash for either address. */
    private static void assertAlikeAndHashing(Function<String, Function<TestAuthService, Mono<?>>> request) {
        Trace known = assertAlike(request);
        assertThat(known.hashes() + known.checks()).as("hashes and checks").isEqualTo(1);
    }

    /**
     * A request that queues a mail only for a known address differs in that write, which the
     * enumeration floor covers: both answer when the floor ends, not before.
     */
    private static void assertBothAnswerAtTheFloor(Function<String, Mono<?>> request) {
        for (String email : List.of(KNOWN, UNKNOWN)) {
            StepVerifier.withVirtualTime(() -> request.apply(email))
                    .expectSubscription()
                    .expectNoEvent(FLOOR.minusMillis(1))
                    .thenAwait(Duration.ofMillis(1))
                    .verifyComplete();
        }
    }

    private static AuthPolicy floored(AuthPolicy policy) {
        return new AuthPolicy(policy.passwordPolicy(), policy.sessionLifetime(), policy.verificationTokenValidity(),
                FLOOR, policy.revokeSessionsOnPasswordReset());
    }

    @Test
    void signInWhenThePasswordIsWrongThenAKnownAddressCostsWhatAnUnknownOneCosts() {
        assertAlikeAndHashing(email -> auth -> auth.signedIn(TestAuthService.signInCommand(email, "wrong password")));
    }

    @Test
    void signUpWhenTheAddressIsTakenThenItCostsWhatAFreeOneCosts() {
        assertAlikeAndHashing(email -> auth -> auth.signUp.signUp(TestAuthService.signUpCommand(email))
                .map(result -> result.user().email().value()));
    }

    @Test
    void requestPasswordResetWhenTheAddressHasNoAccountThenTheSameWorkAndAnswer() {
        assertAlike(email -> auth -> auth.requestPasswordReset.requestPasswordReset(
                RequestPasswordResetCommand.of(email, "/reset")));

        TestAuthService auth = new TestAuthService();
        auth.signUpVerifyAndSignIn(KNOWN);
        var reset = new RequestPasswordResetService(auth.users, auth.transactions, auth.verificationMailing,
                floored(auth.policy), auth.limiter, auth.events);
        assertBothAnswerAtTheFloor(email -> reset.requestPasswordReset(RequestPasswordResetCommand.of(email, "/reset")));
    }

    @Test
    void sendVerificationEmailWhenTheAddressHasNoAccountThenTheSameWorkAndAnswer() {
        assertAlike(email -> auth -> auth.sendVerificationEmail.send(
                SendVerificationEmailCommand.of(email, "/welcome", null)));

        TestAuthService auth = new TestAuthService();
        auth.signUp(KNOWN);
        var send = new SendVerificationEmailService(auth.users, auth.getSession, auth.transactions,
                auth.verificationMailing, floored(auth.policy), auth.limiter);
        assertBothAnswerAtTheFloor(email -> send.send(SendVerificationEmailCommand.of(email, "/welcome", null)));
    }

    /** The counting itself: a right password for the known address is told apart, so the traces can differ. */
    @Test
    void traceWhenThePasswordIsRightThenItDiffersFromAnUnknownAddress() {
        Function<String, Function<TestAuthService, Mono<?>>> signIn =
                email -> auth -> auth.signedIn(TestAuthService.signInCommand(email, PASSWORD));

        assertThat(trace(signIn.apply(KNOWN), KNOWN)).isNotEqualTo(trace(signIn.apply(UNKNOWN), UNKNOWN));
    }
}

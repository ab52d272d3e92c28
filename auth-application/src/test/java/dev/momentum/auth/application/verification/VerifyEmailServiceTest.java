package dev.momentum.auth.application.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.AlreadyVerifiedResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.VerifiedAndSignedInResult;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.LinkToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class VerifyEmailServiceTest {

    private final TestAuthService auth = new TestAuthService();

    private VerifyEmailCommand command(String token) {
        return new VerifyEmailCommand(new LinkToken(token), null, ClientInfo.UNKNOWN);
    }

    @Test
    void verifyWhenFirstUseThenMarksVerifiedAndSignsIn() {
        auth.signUp("ada@example.com");

        StepVerifier.create(auth.verifyEmail.verify(command(auth.tokenOfLastMail())))
                .assertNext(result -> {
                    assertThat(result).isInstanceOf(VerifiedAndSignedInResult.class);
                    assertThat(((VerifiedAndSignedInResult) result).session().user().emailVerified()).isTrue();
                })
                .verifyComplete();
        assertThat(auth.users.users.values()).allMatch(user -> user.emailVerified());
        assertThat(auth.sessions.sessions).hasSize(1);
    }

    @Test
    void verifyWhenLinkOpenedAgainThenAlreadyVerifiedAndNoSecondSession() {
        auth.signUp("ada@example.com");
        String token = auth.tokenOfLastMail();
        auth.verifyEmail.verify(command(token)).block();

        StepVerifier.create(auth.verifyEmail.verify(command(token)))
                .assertNext(result -> assertThat(result).isInstanceOf(AlreadyVerifiedResult.class))
                .verifyComplete();
        assertThat(auth.sessions.sessions).hasSize(1);
    }

    @Test
    void verifyWhenExpiredThenTokenExpired() {
        auth.signUp("ada@example.com");
        auth.clock.advance(Duration.ofHours(1));

        StepVerifier.create(auth.verifyEmail.verify(command(auth.tokenOfLastMail())))
                .verifyErrorMatches(AuthErrors.is(AuthError.TOKEN_EXPIRED));
        assertThat(auth.users.users.values()).noneMatch(user -> user.emailVerified());
    }

    @Test
    void verifyWhenUnknownTokenThenInvalidToken() {
        StepVerifier.create(auth.verifyEmail.verify(command("forged")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
    }
}

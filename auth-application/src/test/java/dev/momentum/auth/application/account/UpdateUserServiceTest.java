package dev.momentum.auth.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.BearerToken;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class UpdateUserServiceTest {

    private final TestAuthService auth = new TestAuthService();

    @Test
    void updateUserWhenNameAndImageGivenThenBothChangeAndUpdatedAtMoves() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.clock.advance(Duration.ofMinutes(5));

        StepVerifier.create(auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(), Optional.of("Ada L."),
                Optional.of(Optional.of("https://example.com/ada.png")), false))).verifyComplete();

        var user = auth.users.users.get(signedIn.user().id());
        assertThat(user.name()).isEqualTo("Ada L.");
        assertThat(user.image()).isEqualTo("https://example.com/ada.png");
        assertThat(user.updatedAt()).isEqualTo(auth.clock.instant());
    }

    @Test
    void updateUserWhenImageClearedThenNameKeptAndImageRemoved() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(), Optional.empty(),
                Optional.of(Optional.of("https://example.com/ada.png")), false)).block();

        auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(), Optional.empty(),
                Optional.of(Optional.empty()), false)).block();

        var user = auth.users.users.get(signedIn.user().id());
        assertThat(user.name()).isEqualTo("Ada");
        assertThat(user.image()).isNull();
    }

    @Test
    void updateUserWhenEmailGivenOrNothingOrBadNameOrNoSessionThenRefused() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(), Optional.of("x"),
                Optional.empty(), true))).verifyErrorMatches(AuthErrors.is(AuthError.EMAIL_CAN_NOT_BE_UPDATED));
        StepVerifier.create(auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(), Optional.empty(),
                Optional.empty(), false))).verifyErrorMatches(AuthErrors.is(AuthError.NO_FIELDS_TO_UPDATE));
        StepVerifier.create(auth.updateUser.updateUser(new UpdateUserCommand(signedIn.token(),
                Optional.of("Ada\nBcc: x@evil.com"), Optional.empty(), false)))
                .verifyErrorMatches(AuthErrors.is(AuthError.VALIDATION_ERROR));
        StepVerifier.create(auth.updateUser.updateUser(new UpdateUserCommand(new BearerToken("unknown"), Optional.of("x"),
                Optional.empty(), false))).verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
        assertThat(auth.users.users.get(signedIn.user().id()).name()).isEqualTo("Ada");
    }
}

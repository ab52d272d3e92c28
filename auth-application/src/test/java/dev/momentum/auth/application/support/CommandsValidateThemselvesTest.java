package dev.momentum.auth.application.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.admin.port.in.DisableUserCommand;
import dev.momentum.auth.application.admin.port.in.SetRoleCommand;
import dev.momentum.auth.application.admin.port.in.UserActionCommand;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.session.port.in.RevokeSessionCommand;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * A command that exists is one its use case can act on: what the client sent wrong is refused
 * when the command is made, with better-auth's code and the field it concerns.
 */
class CommandsValidateThemselvesTest {

    static final String PASSWORD = "correct horse battery staple";
    static final BearerToken SESSION = new BearerToken("session-token");
    static final UserActionCommand ON_BOB = new UserActionCommand(new UserId("admin"), new UserId("bob"));

    @Test
    void ofWhenTheAddressIsNoAddressThenTheFieldIsNamed() {
        assertThatThrownBy(() -> SignUpCommand.of("Ada", "ada-at-example", PASSWORD, null, null, ClientInfo.UNKNOWN))
                .matches(AuthErrors.invalid("email", Defect.NOT_AN_EMAIL_ADDRESS));
        assertThatThrownBy(() -> RequestPasswordResetCommand.of(null, null))
                .matches(AuthErrors.invalid("email", Defect.NOT_AN_EMAIL_ADDRESS));
        assertThatThrownBy(() -> SendVerificationEmailCommand.of("", null, null))
                .matches(AuthErrors.invalid("email", Defect.NOT_AN_EMAIL_ADDRESS));
        assertThatThrownBy(() -> ChangeEmailCommand.of(SESSION, "x@", null))
                .matches(AuthErrors.invalid("newEmail", Defect.NOT_AN_EMAIL_ADDRESS));
        assertThatThrownBy(() -> SignInCommand.of("nope", PASSWORD, true, ClientInfo.UNKNOWN, null))
                .as("sign-in answers better-auth's own code").matches(AuthErrors.is(AuthError.INVALID_EMAIL));
    }

    @Test
    void ofWhenAddressesAreWrittenDifferentlyThenTheCommandHoldsOneForm() {
        assertThat(SignInCommand.of(" Ada@Example.COM ", PASSWORD, true, ClientInfo.UNKNOWN, null).email().value())
                .isEqualTo("ada@example.com");
        assertThat(SignUpCommand.of("Ada", "ADA@example.com", PASSWORD, null, null, ClientInfo.UNKNOWN).email())
                .isEqualTo(RequestPasswordResetCommand.of("ada@EXAMPLE.com", null).email());
    }

    @Test
    void ofWhenTheProfileOrAFieldIsWrongThenTheFieldIsNamed() {
        assertThatThrownBy(() -> SignUpCommand.of("Ada\nBcc: x@evil.example", "ada@example.com", PASSWORD, null, null,
                ClientInfo.UNKNOWN)).matches(AuthErrors.invalid("name", Defect.MALFORMED));
        assertThatThrownBy(() -> SignUpCommand.of("Ada", "ada@example.com", PASSWORD, "x".repeat(2049), null,
                ClientInfo.UNKNOWN)).matches(AuthErrors.invalid("image", Defect.MALFORMED));
        assertThatThrownBy(() -> SignUpCommand.of("Ada", "ada@example.com", null, null, null, ClientInfo.UNKNOWN))
                .matches(AuthErrors.invalid("password", Defect.MISSING));
        assertThatThrownBy(() -> ResetPasswordCommand.of("a-token", null))
                .matches(AuthErrors.invalid("newPassword", Defect.MISSING));
        assertThatThrownBy(() -> new RevokeSessionCommand(SESSION, null))
                .matches(AuthErrors.invalid("token", Defect.MISSING));
        assertThatThrownBy(() -> new RevokeSessionCommand(SESSION, "  "))
                .matches(AuthErrors.invalid("token", Defect.NOT_A_TOKEN));
    }

    @Test
    void ofWhenALinkTokenIsMissingThenBetterAuthsAnswer() {
        assertThatThrownBy(() -> ResetPasswordCommand.of("", PASSWORD)).matches(AuthErrors.is(AuthError.INVALID_TOKEN));
        assertThat(DeleteUserCommand.of(SESSION, PASSWORD, "", null).confirmation())
                .as("an empty confirmation token is none").isNull();
        assertThat(DeleteUserCommand.of(SESSION, PASSWORD, "t", null).confirmation().value()).isEqualTo("t");
    }

    @Test
    void newWhenAnAdministratorsInputIsWrongThenTheFieldIsNamed() {
        assertThatThrownBy(() -> new SetRoleCommand(ON_BOB, "owner")).matches(AuthErrors.invalid("role", Defect.NOT_A_ROLE));
        assertThatThrownBy(() -> new SetRoleCommand(ON_BOB, null)).matches(AuthErrors.invalid("role", Defect.NOT_A_ROLE));
        assertThat(new SetRoleCommand(ON_BOB, "admin").role()).isEqualTo("admin");
        assertThatThrownBy(() -> new DisableUserCommand(ON_BOB, "x".repeat(DisableUserCommand.MAX_REASON_LENGTH + 1)))
                .matches(AuthErrors.is(AuthError.VALIDATION_ERROR));
        assertThat(new DisableUserCommand(ON_BOB, "x".repeat(DisableUserCommand.MAX_REASON_LENGTH)).reason())
                .hasSize(DisableUserCommand.MAX_REASON_LENGTH);
    }
}

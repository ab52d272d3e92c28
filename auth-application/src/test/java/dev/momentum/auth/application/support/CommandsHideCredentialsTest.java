package dev.momentum.auth.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A command in a log line or an exception message shows no password and no token. */
class CommandsHideCredentialsTest {

    static final String TOKEN = "session-token-value";
    static final String PASSWORD = "the-password-itself";
    static final BearerToken SESSION = new BearerToken(TOKEN);

    @Test
    void toStringWhenACommandCarriesCredentialsThenNoneOfThemShows() {
        List<Object> commands = List.of(
                new SignInCommand("ada@example.com", PASSWORD, true, ClientInfo.UNKNOWN, SESSION),
                new SignUpCommand("Ada", "ada@example.com", PASSWORD, null, null, ClientInfo.UNKNOWN),
                new ChangePasswordCommand(SESSION, PASSWORD, PASSWORD, true, ClientInfo.UNKNOWN),
                new ResetPasswordCommand(TOKEN, PASSWORD),
                new DeleteUserCommand(SESSION, PASSWORD, TOKEN, "/bye"),
                ChangeEmailCommand.of(SESSION, "ada@example.org", null),
                new UpdateUserCommand(SESSION, Optional.of("Ada"), Optional.empty(), false),
                new SendVerificationEmailCommand("ada@example.com", null, SESSION),
                new VerifyEmailCommand(TOKEN, SESSION, ClientInfo.UNKNOWN));

        assertThat(commands).allSatisfy(command -> assertThat(command.toString())
                .doesNotContain(TOKEN).doesNotContain(PASSWORD));
        assertThat(SESSION.toString()).isEqualTo("BearerToken[redacted]");
    }
}

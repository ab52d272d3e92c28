package dev.momentum.auth.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.account.port.in.ConfirmDeletionCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand.Which;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;
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
                SignInCommand.of("ada@example.com", PASSWORD, true, ClientInfo.UNKNOWN, SESSION),
                SignUpCommand.of("Ada", "ada@example.com", PASSWORD, null, null, ClientInfo.UNKNOWN),
                new ChangePasswordCommand(SESSION, PASSWORD, PASSWORD, true, ClientInfo.UNKNOWN),
                ResetPasswordCommand.of(TOKEN, PASSWORD),
                DeleteUserCommand.of(SESSION, PASSWORD, TOKEN, "/bye"),
                ChangeEmailCommand.of(SESSION, "ada@example.org", null),
                new UpdateUserCommand(SESSION, Optional.of("Ada"), Optional.empty(), false),
                SendVerificationEmailCommand.of("ada@example.com", null, SESSION),
                new VerifyEmailCommand(new LinkToken(TOKEN), SESSION, ClientInfo.UNKNOWN),
                new ConfirmDeletionCommand(SESSION, new LinkToken(TOKEN)),
                new RevokeSessionCommand(SESSION, TOKEN),
                new RevokeSessionsCommand(SESSION, Which.OTHERS));

        assertThat(commands).allSatisfy(command -> assertThat(command.toString())
                .doesNotContain(TOKEN).doesNotContain(PASSWORD));
        assertThat(SESSION.toString()).isEqualTo("BearerToken[redacted]");
        assertThat(new LinkToken(TOKEN).toString()).isEqualTo("LinkToken[redacted]");
    }
}

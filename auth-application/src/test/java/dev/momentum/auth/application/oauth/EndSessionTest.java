package dev.momentum.auth.application.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.EndSessionCommand;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.ConfirmSignOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.SignedOutResult;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.IdTokenHint;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** RP-Initiated Logout: who may end the browser's session, and where the browser may go after. */
class EndSessionTest {

    static final String SIGNED_OUT = "https://app.example.com/signed-out";

    final TestAuthService auth = new TestAuthService();
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");
    final OAuthClient app = auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(
            List.of("https://app.example.com/cb"), "Example App", "none", List.of(), List.of(), "openid", null, null,
            null, null, List.of(SIGNED_OUT)), null)).block().client();

    Optional<IdTokenHint> hintAbout(String subject) {
        return Optional.of(new IdTokenHint(subject, List.of(app.clientId())));
    }

    EndSessionResult endSession(EndSessionCommand request, BearerToken session, boolean confirmed) {
        return auth.endSession.endSession(request, session, confirmed).block();
    }

    boolean signedIn() {
        return auth.getSession.getSession(ada.token()).blockOptional().isPresent();
    }

    @Test
    void endSessionWhenTheHintIsAboutTheSignedInUserThenSignedOutAndBackToTheRegisteredUriWithTheState() {
        var request = new EndSessionCommand(hintAbout(ada.user().id().value()), null, SIGNED_OUT, "st 4te");

        assertThat(endSession(request, ada.token(), false))
                .isEqualTo(new SignedOutResult(Optional.of(SIGNED_OUT + "?state=st+4te")));
        assertThat(signedIn()).isFalse();
    }

    @Test
    void endSessionWithoutAHintAboutTheUserThenTheUserIsAskedAndOnlyTheirConfirmationSignsOut() {
        var noHint = new EndSessionCommand(Optional.empty(), app.clientId(), SIGNED_OUT, null);
        var someoneElses = new EndSessionCommand(hintAbout("another-user"), null, null, null);

        assertThat(endSession(noHint, ada.token(), false))
                .isEqualTo(new ConfirmSignOutResult(Optional.of("Example App")));
        assertThat(endSession(someoneElses, ada.token(), false)).isInstanceOf(ConfirmSignOutResult.class);
        assertThat(signedIn()).isTrue();

        assertThat(endSession(noHint, ada.token(), true)).isEqualTo(new SignedOutResult(Optional.of(SIGNED_OUT)));
        assertThat(signedIn()).isFalse();
    }

    @Test
    void endSessionWhenNobodyIsSignedInThenSignedOutAtOnce() {
        assertThat(endSession(new EndSessionCommand(Optional.empty(), null, null, null), null, false))
                .isEqualTo(new SignedOutResult(Optional.empty()));
    }

    @Test
    void endSessionWhenTheRedirectOrClientIsWrongThenRefusedAndNobodySignedOut() {
        String user = ada.user().id().value();
        for (var wrong : List.of(
                new EndSessionCommand(hintAbout(user), null, "https://evil.example.com/signed-out", null),
                new EndSessionCommand(hintAbout(user), null, SIGNED_OUT + "/", null),
                new EndSessionCommand(hintAbout(user), null, "https://app.example.com/cb", null),
                new EndSessionCommand(Optional.empty(), null, SIGNED_OUT, null),
                new EndSessionCommand(hintAbout(user), "another-client", SIGNED_OUT, null))) {
            StepVerifier.create(auth.endSession.endSession(wrong, ada.token(), false))
                    .verifyErrorMatches(error -> error instanceof OAuthException refused
                            && refused.code() == Code.INVALID_REQUEST);
        }
        StepVerifier.create(auth.endSession.endSession(new EndSessionCommand(Optional.empty(), "nobody", null, null),
                        ada.token(), true))
                .verifyErrorMatches(error -> error instanceof OAuthException refused
                        && refused.code() == Code.INVALID_CLIENT);
        assertThat(signedIn()).isTrue();
    }
}

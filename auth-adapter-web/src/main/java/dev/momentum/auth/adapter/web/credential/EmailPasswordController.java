package dev.momentum.auth.adapter.web.credential;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.CallbackUrls;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.twofactor.SecondStepCookies;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SignedInResult;
import dev.momentum.auth.application.credential.port.in.SignInUseCase;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.credential.port.in.SignUpUseCase;
import dev.momentum.auth.domain.token.BearerToken;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class EmailPasswordController {

    private static final SignUpRequest NO_SIGN_UP = new SignUpRequest(null, null, null, null, null, null);
    private static final SignInRequest NO_SIGN_IN = new SignInRequest(null, null, null, null);

    private final SignUpUseCase signUp;
    private final SignInUseCase signIn;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final SecondStepCookies secondStepCookies;
    private final CallbackUrls callbackUrls;

    EmailPasswordController(SignUpUseCase signUp, SignInUseCase signIn, SessionCredentials credentials,
                            SessionCookies sessionCookies, SecondStepCookies secondStepCookies,
                            CallbackUrls callbackUrls) {
        this.signUp = signUp;
        this.signIn = signIn;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.secondStepCookies = secondStepCookies;
        this.callbackUrls = callbackUrls;
    }

    @PostMapping("/sign-up/email")
    Mono<SignUpResponse> signUp(@RequestBody(required = false) SignUpRequest request, ServerWebExchange exchange) {
        SignUpRequest body = request == null ? NO_SIGN_UP : request;
        new RequiredFields().require("name", body.name()).require("email", body.email())
                .require("password", body.password()).check();
        String callbackURL = callbackUrls.requireSafe("callbackURL", body.callbackURL());
        return signUp.signUp(SignUpCommand.of(body.name(), body.email(), body.password(), body.image(), callbackURL,
                        ClientInfos.of(exchange)))
                .map(result -> new SignUpResponse(null, UserResponse.from(result.user())));
    }

    /**
     * 200 with the session, or, for a user with a second factor on a browser they did not trust,
     * 200 {@code {twoFactorRedirect: true, twoFactorMethods}} with the {@code two_factor} cookie and
     * no session, as better-auth's twoFactor plugin answers.
     */
    @ApiResponse(responseCode = "200", description = "the session, or the challenge of the second factor",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {SignInResponse.class,
                    TwoFactorRedirectResponse.class})))
    @PostMapping("/sign-in/email")
    Mono<ResponseEntity<Object>> signIn(@RequestBody(required = false) SignInRequest request,
                                        ServerWebExchange exchange) {
        SignInRequest body = request == null ? NO_SIGN_IN : request;
        new RequiredFields().require("email", body.email()).require("password", body.password()).check();
        String callbackURL = callbackUrls.requireSafe("callbackURL", body.callbackURL());
        boolean rememberMe = body.rememberMe() == null || body.rememberMe();
        BearerToken replaced = credentials.token(exchange.getRequest()).orElse(null);
        Optional<String> trustedDevice = secondStepCookies.trustedDevice(exchange.getRequest());
        var response = exchange.getResponse();
        return signIn.signIn(SignInCommand.of(body.email(), body.password(), rememberMe, ClientInfos.of(exchange),
                        replaced).withTrustedDevice(trustedDevice.orElse(null)))
                .map(result -> switch (result) {
                    case SignedInResult signedIn -> {
                        sessionCookies.issue(response, signedIn.session(), rememberMe);
                        signedIn.trustedDevice().ifPresent(renewed -> secondStepCookies.issueTrustedDevice(response,
                                renewed));
                        var ok = ResponseEntity.ok();
                        if (callbackURL != null) {
                            ok.location(URI.create(callbackURL));
                        }
                        yield ok.body(new SignInResponse(callbackURL != null, signedIn.session().token().value(),
                                callbackURL, UserResponse.from(signedIn.session().user())));
                    }
                    case SecondFactorRequiredResult required -> {
                        sessionCookies.awaitSecondFactor(response, rememberMe);
                        if (trustedDevice.isPresent()) {
                            secondStepCookies.expireTrustedDevice(response);
                        }
                        secondStepCookies.issueChallenge(response, required.challenge());
                        yield ResponseEntity.ok(new TwoFactorRedirectResponse(true, required.methods()));
                    }
                });
    }

    /** better-auth's answer to a password sign-in that waits for the second factor. */
    record TwoFactorRedirectResponse(boolean twoFactorRedirect, List<String> twoFactorMethods) {
    }
}

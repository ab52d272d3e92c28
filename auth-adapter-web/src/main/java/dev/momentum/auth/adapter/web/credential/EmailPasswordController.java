package dev.momentum.auth.adapter.web.credential;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.CallbackUrls;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInUseCase;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.credential.port.in.SignUpUseCase;
import dev.momentum.auth.domain.token.BearerToken;
import java.net.URI;
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
    private final CallbackUrls callbackUrls;

    EmailPasswordController(SignUpUseCase signUp, SignInUseCase signIn, SessionCredentials credentials,
                            SessionCookies sessionCookies, CallbackUrls callbackUrls) {
        this.signUp = signUp;
        this.signIn = signIn;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
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

    @PostMapping("/sign-in/email")
    Mono<ResponseEntity<SignInResponse>> signIn(@RequestBody(required = false) SignInRequest request,
                                                ServerWebExchange exchange) {
        SignInRequest body = request == null ? NO_SIGN_IN : request;
        new RequiredFields().require("email", body.email()).require("password", body.password()).check();
        String callbackURL = callbackUrls.requireSafe("callbackURL", body.callbackURL());
        boolean rememberMe = body.rememberMe() == null || body.rememberMe();
        BearerToken replaced = credentials.token(exchange.getRequest()).orElse(null);
        return signIn.signIn(SignInCommand.of(body.email(), body.password(), rememberMe, ClientInfos.of(exchange),
                        replaced))
                .map(result -> {
                    sessionCookies.issue(exchange.getResponse(), result, rememberMe);
                    var response = new SignInResponse(callbackURL != null, result.token().value(), callbackURL,
                            UserResponse.from(result.user()));
                    var ok = ResponseEntity.ok();
                    if (callbackURL != null) {
                        ok.location(URI.create(callbackURL));
                    }
                    return ok.body(response);
                });
    }
}

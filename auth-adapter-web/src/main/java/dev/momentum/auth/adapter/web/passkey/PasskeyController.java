package dev.momentum.auth.adapter.web.passkey;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.passkey.PasskeyJson.AuthenticationOptions;
import dev.momentum.auth.adapter.web.passkey.PasskeyJson.PasskeyResponse;
import dev.momentum.auth.adapter.web.passkey.PasskeyJson.RegistrationOptions;
import dev.momentum.auth.adapter.web.passkey.PasskeyJson.SignedInResponse;
import dev.momentum.auth.adapter.web.passkey.PasskeyJson.UpdatedResponse;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.session.SessionResponse;
import dev.momentum.auth.application.passkey.port.in.ManagePasskeysUseCase;
import dev.momentum.auth.application.passkey.port.in.PasskeyRegistrationUseCase;
import dev.momentum.auth.application.passkey.port.in.PasskeySignInCommand;
import dev.momentum.auth.application.passkey.port.in.PasskeySignInUseCase;
import dev.momentum.auth.application.passkey.port.in.RegisterPasskeyCommand;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's passkey plugin ({@code @better-auth/passkey}), which its {@code passkeyClient}
 * calls: registration, sign-in (autofill included) and the user's list (ADR-0050).
 */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH + "/passkey")
public final class PasskeyController {

    private final PasskeyRegistrationUseCase registration;
    private final PasskeySignInUseCase signIn;
    private final ManagePasskeysUseCase manage;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final SessionCookieCodec codec;

    PasskeyController(PasskeyRegistrationUseCase registration, PasskeySignInUseCase signIn, ManagePasskeysUseCase manage,
                      SessionCredentials credentials, SessionCookies sessionCookies, SessionCookieCodec codec) {
        this.registration = registration;
        this.signIn = signIn;
        this.manage = manage;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.codec = codec;
    }

    record RegistrationRequest(JsonNode response, String name) {
    }

    record AuthenticationRequest(JsonNode response) {
    }

    record IdRequest(String id, String name) {
    }

    @GetMapping("/generate-register-options")
    Mono<RegistrationOptions> registerOptions(ServerWebExchange exchange) {
        return registration.registrationOptions(session(exchange))
                .map(options -> {
                    issueChallenge(exchange, options.challenge());
                    return RegistrationOptions.of(options);
                });
    }

    @PostMapping("/verify-registration")
    Mono<PasskeyResponse> verifyRegistration(@RequestBody(required = false) RegistrationRequest request,
                                             ServerWebExchange exchange) {
        String response = responseOf(request == null ? null : request.response());
        return registration.register(new RegisterPasskeyCommand(session(exchange), challenge(exchange), response,
                        request.name()))
                .map(passkey -> {
                    expireChallenge(exchange);
                    return PasskeyResponse.of(passkey);
                });
    }

    @GetMapping("/generate-authenticate-options")
    Mono<AuthenticationOptions> authenticateOptions(ServerWebExchange exchange) {
        return signIn.authenticationOptions(session(exchange))
                .map(options -> {
                    issueChallenge(exchange, options.challenge());
                    return AuthenticationOptions.of(options);
                });
    }

    @PostMapping("/verify-authentication")
    Mono<SignedInResponse> verifyAuthentication(@RequestBody(required = false) AuthenticationRequest request,
                                                ServerWebExchange exchange) {
        String response = responseOf(request == null ? null : request.response());
        return signIn.signIn(new PasskeySignInCommand(challenge(exchange), response, ClientInfos.of(exchange),
                        session(exchange)))
                .map(session -> {
                    expireChallenge(exchange);
                    sessionCookies.issue(exchange.getResponse(), session, true);
                    return new SignedInResponse(SessionResponse.from(session), UserResponse.from(session.user()));
                });
    }

    @GetMapping("/list-user-passkeys")
    Mono<List<PasskeyResponse>> list(ServerWebExchange exchange) {
        return manage.list(session(exchange)).map(PasskeyResponse::of).collectList();
    }

    @PostMapping("/update-passkey")
    Mono<UpdatedResponse> update(@RequestBody(required = false) IdRequest request, ServerWebExchange exchange) {
        IdRequest body = request == null ? new IdRequest(null, null) : request;
        new RequiredFields().require("id", body.id()).require("name", body.name()).check();
        return manage.rename(session(exchange), body.id(), body.name())
                .map(passkey -> new UpdatedResponse(PasskeyResponse.of(passkey)));
    }

    @PostMapping("/delete-passkey")
    Mono<StatusResponse> delete(@RequestBody(required = false) IdRequest request, ServerWebExchange exchange) {
        String id = request == null ? null : request.id();
        new RequiredFields().require("id", id).check();
        return manage.delete(session(exchange), id).thenReturn(StatusResponse.TRUE);
    }

    /** The browser's answer, as text for the WebAuthn library to read. */
    private static String responseOf(JsonNode response) {
        new RequiredFields().require("response", response).check();
        return response.toString();
    }

    private BearerToken session(ServerWebExchange exchange) {
        return credentials.token(exchange.getRequest()).orElse(null);
    }

    private String challenge(ServerWebExchange exchange) {
        return credentials.signedCookie(exchange.getRequest(), codec.passkeyChallengeCookieName()).orElse(null);
    }

    private void issueChallenge(ServerWebExchange exchange, String challenge) {
        exchange.getResponse().addCookie(codec.signedCookie(codec.passkeyChallengeCookieName(), challenge,
                Passkey.CHALLENGE_VALIDITY));
    }

    private void expireChallenge(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(codec.expired(codec.passkeyChallengeCookieName()));
    }
}

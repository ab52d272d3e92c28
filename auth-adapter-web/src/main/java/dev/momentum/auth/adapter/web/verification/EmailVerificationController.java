package dev.momentum.auth.adapter.web.verification;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.CallbackUrls;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.error.AuthErrorHttpMapper;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailUseCase;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailUseCase;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class EmailVerificationController {

    /** The route of the mailed verification link. */
    public static final String VERIFY_EMAIL_PATH = "/verify-email";

    private final SendVerificationEmailUseCase sendVerificationEmail;
    private final VerifyEmailUseCase verifyEmail;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final CallbackUrls callbackUrls;

    EmailVerificationController(SendVerificationEmailUseCase sendVerificationEmail, VerifyEmailUseCase verifyEmail,
                                SessionCredentials credentials, SessionCookies sessionCookies,
                                CallbackUrls callbackUrls) {
        this.sendVerificationEmail = sendVerificationEmail;
        this.verifyEmail = verifyEmail;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.callbackUrls = callbackUrls;
    }

    @PostMapping("/send-verification-email")
    Mono<StatusResponse> send(@RequestBody(required = false) SendVerificationEmailRequest request,
                              ServerWebExchange exchange) {
        String email = request == null ? null : request.email();
        new RequiredFields().require("email", email).check();
        String callbackURL = callbackUrls.requireSafe("callbackURL", request.callbackURL());
        BearerToken sessionToken = credentials.token(exchange.getRequest()).orElse(null);
        return sendVerificationEmail.send(SendVerificationEmailCommand.of(email, callbackURL, sessionToken))
                .thenReturn(StatusResponse.TRUE);
    }

    /**
     * Opened from the mail. With a callbackURL the browser is sent there (errors as {@code ?error=CODE});
     * without one the answer is JSON, as better-auth's is.
     */
    @ApiResponse(responseCode = "200", description = "verified (and signed in) when the link has no callbackURL")
    @ApiResponse(responseCode = "302", description = "to the callbackURL, with ?error= when the token was not good")
    @GetMapping(VERIFY_EMAIL_PATH)
    Mono<ResponseEntity<Object>> verify(@RequestParam(required = false) String token,
                                        @RequestParam(required = false) String callbackURL,
                                        ServerWebExchange exchange) {
        String target = callbackUrls.requireSafe("callbackURL", callbackURL);
        LinkToken link = CallbackUrls.requireLinkToken(token);
        BearerToken sessionToken = credentials.token(exchange.getRequest()).orElse(null);
        return verifyEmail.verify(new VerifyEmailCommand(link, sessionToken, ClientInfos.of(exchange)))
                .map(result -> {
                    if (result instanceof VerifyEmailResult.VerifiedAndSignedInResult signedIn) {
                        sessionCookies.issue(exchange.getResponse(), signedIn.session(), true);
                    }
                    Object body = result instanceof VerifyEmailResult.EmailChangedResult changed
                            ? new VerifyEmailResponse(true, UserResponse.from(changed.user()))
                            : VerifyEmailResponse.VERIFIED;
                    return CallbackUrls.redirectOrBody(target, body);
                })
                .onErrorResume(AuthException.class, failure -> target == null || target.isEmpty()
                        ? Mono.error(new HttpProblem(HttpStatus.UNAUTHORIZED, failure.error().code(),
                                AuthErrorHttpMapper.messageOf(failure)))
                        : Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(UriComponentsBuilder
                                .fromUriString(target).queryParam("error", failure.error().code()).build().toUri())
                                .build()));
    }
}

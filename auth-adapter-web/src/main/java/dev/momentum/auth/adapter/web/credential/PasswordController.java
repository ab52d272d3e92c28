package dev.momentum.auth.adapter.web.credential;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.CallbackUrls;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.credential.port.in.ChangePasswordUseCase;
import dev.momentum.auth.application.credential.port.in.CheckResetTokenQuery;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetUseCase;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordUseCase;
import dev.momentum.auth.application.credential.port.in.VerifyPasswordQuery;
import dev.momentum.auth.domain.token.LinkToken;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Forgotten, changed and re-confirmed passwords, as better-auth's {@code password.mjs} and {@code update-user.mjs} serve them. */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class PasswordController {

    /** The route of the mailed reset link. */
    public static final String RESET_LINK_PATH = "/reset-password/{token}";

    private final RequestPasswordResetUseCase requestPasswordReset;
    private final ResetPasswordUseCase resetPassword;
    private final CheckResetTokenQuery checkResetToken;
    private final ChangePasswordUseCase changePassword;
    private final VerifyPasswordQuery verifyPassword;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final CallbackUrls callbackUrls;
    private final URI authBaseUrl;

    PasswordController(RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword,
                       CheckResetTokenQuery checkResetToken, ChangePasswordUseCase changePassword,
                       VerifyPasswordQuery verifyPassword, SessionCredentials credentials,
                       SessionCookies sessionCookies, CallbackUrls callbackUrls, AuthApiSettings settings) {
        this.requestPasswordReset = requestPasswordReset;
        this.resetPassword = resetPassword;
        this.checkResetToken = checkResetToken;
        this.changePassword = changePassword;
        this.verifyPassword = verifyPassword;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.callbackUrls = callbackUrls;
        this.authBaseUrl = settings.authBaseUrl();
    }

    @PostMapping("/change-password")
    Mono<ChangePasswordResponse> changePassword(@RequestBody(required = false) ChangePasswordRequest request,
                                                ServerWebExchange exchange) {
        ChangePasswordRequest body = request == null ? new ChangePasswordRequest(null, null, null) : request;
        new RequiredFields().require("newPassword", body.newPassword())
                .require("currentPassword", body.currentPassword()).check();
        boolean revokeOthers = Boolean.TRUE.equals(body.revokeOtherSessions());
        return changePassword.changePassword(new ChangePasswordCommand(
                        credentials.token(exchange.getRequest()).orElse(null), body.currentPassword(),
                        body.newPassword(), revokeOthers, ClientInfos.of(exchange)))
                .map(result -> {
                    result.newSession().ifPresent(session ->
                            sessionCookies.issue(exchange.getResponse(), session, true));
                    return new ChangePasswordResponse(result.newSession().map(session -> session.token().value()).orElse(null),
                            UserResponse.from(result.user()));
                });
    }

    @PostMapping("/verify-password")
    Mono<StatusResponse> verifyPassword(@RequestBody(required = false) VerifyPasswordRequest request,
                                        ServerWebExchange exchange) {
        String password = request == null ? null : request.password();
        new RequiredFields().require("password", password).check();
        return verifyPassword.verifyPassword(credentials.token(exchange.getRequest()).orElse(null), password)
                .thenReturn(StatusResponse.TRUE);
    }

    @PostMapping("/request-password-reset")
    Mono<PasswordResetRequestedResponse> requestReset(@RequestBody(required = false) RequestPasswordResetRequest request) {
        String email = request == null ? null : request.email();
        new RequiredFields().require("email", email).check();
        String redirectTo = callbackUrls.requireSafe("redirectTo", request.redirectTo());
        return requestPasswordReset.requestPasswordReset(RequestPasswordResetCommand.of(email, redirectTo))
                .thenReturn(PasswordResetRequestedResponse.ANSWER);
    }

    /**
     * The mailed link: checks the token without spending it and sends the browser to the
     * frontend with {@code ?token=} (or {@code ?error=INVALID_TOKEN}).
     */
    @ApiResponse(responseCode = "302", description = "to the callbackURL with ?token=, or ?error=INVALID_TOKEN")
    @GetMapping(RESET_LINK_PATH)
    Mono<ResponseEntity<Void>> openResetLink(@PathVariable String token,
                                             @RequestParam(required = false) String callbackURL) {
        if (callbackURL == null) {
            throw HttpProblem.absent("query.callbackURL");
        }
        String target = callbackUrls.requireSafe("callbackURL", callbackURL);
        return checkResetToken.isUsable(new LinkToken(token)).map(usable -> {
            if (target.isEmpty()) {
                return found(UriComponentsBuilder.fromUri(authBaseUrl).path("/error")
                        .queryParam("error", "INVALID_TOKEN").build().toUri());
            }
            var location = UriComponentsBuilder.fromUriString(target);
            return found((usable ? location.queryParam("token", token) : location.queryParam("error", "INVALID_TOKEN"))
                    .build().toUri());
        });
    }

    @PostMapping("/reset-password")
    Mono<StatusResponse> reset(@RequestBody(required = false) ResetPasswordRequest request,
                               @RequestParam(name = "token", required = false) String queryToken) {
        String token = request != null && request.token() != null ? request.token() : queryToken;
        return resetPassword.resetPassword(ResetPasswordCommand.of(token, request == null ? null : request.newPassword()))
                .thenReturn(StatusResponse.TRUE);
    }

    /** Where better-auth sends a browser whose link had no callbackURL; JSON here instead of its HTML page. */
    @ApiResponse(responseCode = "400", description = "the error the link ended in")
    @GetMapping("/error")
    Mono<ResponseEntity<Map<String, String>>> error(@RequestParam(defaultValue = "UNKNOWN") String error) {
        String code = error.matches("[A-Z_]{1,64}") ? error : "UNKNOWN";
        return Mono.error(new HttpProblem(HttpStatus.BAD_REQUEST, code,
                "The link could not be used (" + code + "). Ask for a new one."));
    }

    private static ResponseEntity<Void> found(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }
}

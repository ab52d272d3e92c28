package dev.momentum.auth.adapter.web.account;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.CallbackUrls;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.account.port.in.ChangeEmailUseCase;
import dev.momentum.auth.application.account.port.in.ConfirmDeletionCommand;
import dev.momentum.auth.application.account.port.in.ConfirmDeletionUseCase;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserUseCase;
import dev.momentum.auth.application.account.port.in.DeleteUserUseCase.DeleteUserResult;
import dev.momentum.auth.domain.token.BearerToken;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Changing the account's address and deleting the account (better-auth {@code update-user.mjs}). */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class AccountController {

    /** The route of the mailed deletion link. */
    public static final String DELETE_LINK_PATH = "/delete-user/callback";

    private final ChangeEmailUseCase changeEmail;
    private final DeleteUserUseCase deleteUser;
    private final ConfirmDeletionUseCase confirmDeletion;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final CallbackUrls callbackUrls;

    AccountController(ChangeEmailUseCase changeEmail, DeleteUserUseCase deleteUser,
                      ConfirmDeletionUseCase confirmDeletion, SessionCredentials credentials,
                      SessionCookies sessionCookies, CallbackUrls callbackUrls) {
        this.changeEmail = changeEmail;
        this.deleteUser = deleteUser;
        this.confirmDeletion = confirmDeletion;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.callbackUrls = callbackUrls;
    }

    @PostMapping("/change-email")
    Mono<StatusResponse> changeEmail(@RequestBody(required = false) ChangeEmailRequest request,
                                     ServerWebExchange exchange) {
        ChangeEmailRequest body = request == null ? new ChangeEmailRequest(null, null) : request;
        String callbackURL = callbackUrls.requireSafe("callbackURL", body.callbackURL());
        return changeEmail.changeEmail(ChangeEmailCommand.of(sessionToken(exchange), body.newEmail(), callbackURL))
                .thenReturn(StatusResponse.TRUE);
    }

    @PostMapping("/delete-user")
    Mono<DeleteUserResponse> deleteUser(@RequestBody(required = false) DeleteUserRequest request,
                                        ServerWebExchange exchange) {
        DeleteUserRequest body = request == null ? new DeleteUserRequest(null, null, null) : request;
        String callbackURL = callbackUrls.requireSafe("callbackURL", body.callbackURL());
        return deleteUser.deleteUser(
                        DeleteUserCommand.of(sessionToken(exchange), body.password(), body.token(), callbackURL))
                .doOnNext(result -> expireCookiesIfDeleted(result, exchange))
                .map(DeleteUserResponse::of);
    }

    @ApiResponse(responseCode = "200", description = "deleted, when the link has no callbackURL")
    @ApiResponse(responseCode = "302", description = "deleted, to the callbackURL")
    @GetMapping(DELETE_LINK_PATH)
    Mono<ResponseEntity<Object>> deleteUserByLink(@RequestParam(required = false) String token,
                                                  @RequestParam(required = false) String callbackURL,
                                                  ServerWebExchange exchange) {
        String target = callbackUrls.requireSafe("callbackURL", callbackURL);
        return confirmDeletion.confirmDeletion(
                        new ConfirmDeletionCommand(sessionToken(exchange), CallbackUrls.requireLinkToken(token)))
                .doOnNext(result -> expireCookiesIfDeleted(result, exchange))
                .map(result -> CallbackUrls.redirectOrBody(target, DeleteUserResponse.of(result)));
    }

    private BearerToken sessionToken(ServerWebExchange exchange) {
        return credentials.token(exchange.getRequest()).orElse(null);
    }

    private void expireCookiesIfDeleted(DeleteUserResult result, ServerWebExchange exchange) {
        if (result == DeleteUserResult.DELETED) {
            sessionCookies.expireAll(exchange.getResponse());
        }
    }
}

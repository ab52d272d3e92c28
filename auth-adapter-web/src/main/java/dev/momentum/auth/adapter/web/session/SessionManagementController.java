package dev.momentum.auth.adapter.web.session;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.account.AccountResponse;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.account.port.in.ListAccountsQuery;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.ListSessionsQuery;
import dev.momentum.auth.application.session.port.in.RevokeSessionCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionUseCase;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand.Which;
import dev.momentum.auth.application.session.port.in.RevokeSessionsUseCase;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A signed-in user's view of their sessions and accounts (better-auth {@code session.mjs}, {@code account.mjs}). */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class SessionManagementController {

    private final ListSessionsQuery listSessions;
    private final RevokeSessionUseCase revokeSession;
    private final RevokeSessionsUseCase revokeSessions;
    private final ListAccountsQuery listAccounts;
    private final GetSessionQuery getSession;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;

    SessionManagementController(ListSessionsQuery listSessions, RevokeSessionUseCase revokeSession,
                                RevokeSessionsUseCase revokeSessions, ListAccountsQuery listAccounts,
                                GetSessionQuery getSession, SessionCredentials credentials,
                                SessionCookies sessionCookies) {
        this.listSessions = listSessions;
        this.revokeSession = revokeSession;
        this.revokeSessions = revokeSessions;
        this.listAccounts = listAccounts;
        this.getSession = getSession;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
    }

    private BearerToken callerToken(ServerWebExchange exchange) {
        return credentials.token(exchange.getRequest()).orElse(null);
    }

    @GetMapping("/list-sessions")
    Mono<List<SessionResponse>> listSessions(ServerWebExchange exchange) {
        return listSessions.listSessions(callerToken(exchange)).map(list -> list.sessions().stream()
                .map(session -> SessionResponse.from(session, session.id().equals(list.current().session().id())
                        ? list.current().token().value()
                        : session.id().value()))
                .toList());
    }

    @PostMapping("/revoke-session")
    Mono<StatusResponse> revokeSession(@RequestBody(required = false) RevokeSessionRequest request,
                                       ServerWebExchange exchange) {
        String target = request == null ? null : request.token();
        return revokeSession.revokeSession(new RevokeSessionCommand(callerToken(exchange), target)).map(own -> {
            if (own) {
                sessionCookies.expireAll(exchange.getResponse());
            }
            return StatusResponse.TRUE;
        });
    }

    @PostMapping("/revoke-sessions")
    Mono<StatusResponse> revokeSessions(ServerWebExchange exchange) {
        var command = new RevokeSessionsCommand(callerToken(exchange), Which.ALL);
        return revokeSessions.revokeSessions(command).then(Mono.fromSupplier(() -> {
            sessionCookies.expireAll(exchange.getResponse());
            return StatusResponse.TRUE;
        }));
    }

    @PostMapping("/revoke-other-sessions")
    Mono<StatusResponse> revokeOtherSessions(ServerWebExchange exchange) {
        var command = new RevokeSessionsCommand(callerToken(exchange), Which.OTHERS);
        return revokeSessions.revokeSessions(command).thenReturn(StatusResponse.TRUE);
    }

    /** Sessions carry no fields a client may change (better-auth: only declared additionalFields). */
    @PostMapping("/update-session")
    Mono<Void> updateSession(ServerWebExchange exchange) {
        BearerToken token = callerToken(exchange);
        Mono<Object> session = token == null ? Mono.empty() : getSession.getSession(token).cast(Object.class);
        return session.switchIfEmpty(Mono.error(new AuthException(AuthError.UNAUTHORIZED)))
                .then(Mono.error(new AuthException(AuthError.NO_FIELDS_TO_UPDATE)));
    }

    @GetMapping("/list-accounts")
    Mono<List<AccountResponse>> listAccounts(ServerWebExchange exchange) {
        return listAccounts.listAccounts(callerToken(exchange))
                .map(accounts -> accounts.stream().map(AccountResponse::from).toList());
    }
}

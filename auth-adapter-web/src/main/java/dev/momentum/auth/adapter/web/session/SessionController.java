package dev.momentum.auth.adapter.web.session;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.SuccessResponse;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.session.port.in.SignOutUseCase;
import dev.momentum.auth.application.signing.port.in.GetSessionWithJwtQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.NullNode;

@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class SessionController {

    private final GetSessionWithJwtQuery getSession;
    private final SignOutUseCase signOut;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;

    SessionController(GetSessionWithJwtQuery getSession, SignOutUseCase signOut, SessionCredentials credentials,
                      SessionCookies sessionCookies) {
        this.getSession = getSession;
        this.signOut = signOut;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
    }

    /**
     * 200 with the session, or 200 with the JSON literal {@code null} when there is none, as
     * better-auth answers. Slides the session forward (and re-sends the cookie) unless
     * {@code disableRefresh=true} or the session is a browser-session one (dont_remember).
     */
    @GetMapping("/get-session")
    Mono<ResponseEntity<Object>> getSession(@RequestParam(defaultValue = "false") boolean disableRefresh,
                                            ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean mayRefresh = !disableRefresh && !credentials.presentsDontRememberCookie(request);
        var noSession = Mono.fromSupplier(() -> {
            if (credentials.presentsSessionCookie(request)) {
                sessionCookies.expireAll(exchange.getResponse());
            }
            return noStore().body((Object) NullNode.getInstance());
        });
        return credentials.token(request)
                .map(token -> getSession.getSessionWithJwt(token, mayRefresh)
                        .map(found -> {
                            if (found.session().refreshed()) {
                                sessionCookies.issue(exchange.getResponse(), found.session(), true);
                            }
                            found.jwt().ifPresent(jwt -> exchange.getResponse().getHeaders().set("set-auth-jwt", jwt));
                            return noStore().body((Object) GetSessionResponse.from(found.session()));
                        })
                        .switchIfEmpty(noSession))
                .orElse(noSession);
    }

    @PostMapping("/get-session")
    Mono<Void> getSessionByPost() {
        return Mono.error(new HttpProblem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED",
                "POST method requires deferSessionRefresh to be enabled in session config"));
    }

    @PostMapping("/sign-out")
    Mono<SuccessResponse> signOut(ServerWebExchange exchange) {
        return credentials.token(exchange.getRequest())
                .map(signOut::signOut)
                .orElse(Mono.empty())
                .then(Mono.fromSupplier(() -> {
                    sessionCookies.expireAll(exchange.getResponse());
                    return SuccessResponse.TRUE;
                }));
    }

    private static ResponseEntity.BodyBuilder noStore() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON);
    }
}

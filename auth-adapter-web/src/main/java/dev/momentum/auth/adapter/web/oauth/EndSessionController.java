package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.OwnTokens;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.application.oauth.port.in.EndSessionCommand;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.ConfirmSignOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.SignedOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionUseCase;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import dev.momentum.auth.domain.oauth.IdTokenHint;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * OpenID Connect RP-Initiated Logout 1.0 at better-auth oauth-provider's path,
 * {@code /oauth2/end-session} (GET or form POST). A request that must be confirmed goes to the
 * built-in sign-out page with its parameters signed, as authorization requests go to the sign-in page.
 */
@RestController
public final class EndSessionController {

    static final String END_SESSION = AuthApiSettings.BASE_PATH + "/oauth2/end-session";

    private final EndSessionUseCase endSession;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final SignedOAuthQuery signedQueries;
    private final ReactiveJwtDecoder idTokens;

    EndSessionController(EndSessionUseCase endSession, SessionCredentials credentials, SessionCookies sessionCookies,
                         SessionCookieCodec codec, PublishedKeysQuery keys, TokenTermsQuery tokenTerms) {
        this.endSession = endSession;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.signedQueries = new SignedOAuthQuery(codec, OAuthController.SIGNED_QUERY_LIFETIME);
        this.idTokens = OwnTokens.idTokenHintDecoder(keys, tokenTerms);
    }

    @GetMapping(END_SESSION)
    Mono<ResponseEntity<Object>> endSession(ServerWebExchange exchange) {
        return endSessionWith(exchange, SignedOAuthQuery.decoded(Optional.ofNullable(
                exchange.getRequest().getURI().getRawQuery()).orElse("")));
    }

    @PostMapping(path = END_SESSION, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Object>> endSessionByForm(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> endSessionWith(exchange, OAuthController.entries(form)));
    }

    private Mono<ResponseEntity<Object>> endSessionWith(ServerWebExchange exchange,
                                                        List<Map.Entry<String, String>> parameters) {
        return commandOf(parameters, idTokens)
                .flatMap(request -> endSession.endSession(request,
                        credentials.token(exchange.getRequest()).orElse(null), false))
                .map(outcome -> switch (outcome) {
                    case SignedOutResult done -> signedOut(exchange, done, sessionCookies);
                    case ConfirmSignOutResult ignored -> seeOther(OAuthPagesController.SIGN_OUT + "?"
                            + signedQueries.sign(parameters, Instant.now()));
                });
    }

    /** The request's parameters, its {@code id_token_hint} kept only when it is an ID token of ours. */
    static Mono<EndSessionCommand> commandOf(List<Map.Entry<String, String>> parameters, ReactiveJwtDecoder idTokens) {
        Map<String, String> first = SignedOAuthQuery.firstValues(parameters);
        Mono<Optional<IdTokenHint>> hint = Mono.justOrEmpty(first.get("id_token_hint"))
                .flatMap(idTokens::decode)
                .map(token -> Optional.of(new IdTokenHint(token.getSubject(), token.getAudience())))
                .onErrorResume(org.springframework.security.oauth2.jwt.JwtException.class,
                        notOurs -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
        return hint.map(verified -> new EndSessionCommand(verified, first.get("client_id"),
                first.get("post_logout_redirect_uri"), first.get("state")));
    }

    /** The session cookies expire; the browser goes where the client asked, or to our signed-out page. */
    static <T> ResponseEntity<T> signedOut(ServerWebExchange exchange, SignedOutResult done,
                                           SessionCookies sessionCookies) {
        sessionCookies.expireAll(exchange.getResponse());
        return seeOther(done.redirect().orElse(OAuthPagesController.SIGNED_OUT));
    }

    private static <T> ResponseEntity<T> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).cacheControl(CacheControl.noStore())
                .location(URI.create(location)).build();
    }
}

package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.EndSessionCommand;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.ConfirmSignOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.SignedOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionUseCase;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SignOutUseCase;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.RedirectUri;
import dev.momentum.auth.domain.token.BearerToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * OpenID Connect RP-Initiated Logout 1.0 (ADR-0051). The browser's session ends at once when the
 * client shows an ID token of ours about the signed-in user; otherwise the user confirms, so that
 * a link on any site cannot sign them out. The browser goes back only to a post-logout redirect
 * URI the client registered, matched exactly.
 */
public final class EndSessionService implements EndSessionUseCase {

    private final OAuthClients clients;
    private final GetSessionQuery sessions;
    private final SignOutUseCase signOut;

    public EndSessionService(OAuthClients clients, GetSessionQuery sessions, SignOutUseCase signOut) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.signOut = Objects.requireNonNull(signOut, "signOut cannot be null");
    }

    @Override
    public Mono<EndSessionResult> endSession(EndSessionCommand request, BearerToken session, boolean confirmed) {
        return client(request).flatMap(client -> {
            Optional<String> redirect = redirectOf(client, request);
            return Mono.justOrEmpty(session).flatMap(sessions::getSession)
                    .flatMap(held -> {
                        boolean hinted = request.hint()
                                .filter(hint -> hint.subject().equals(held.user().id().value())).isPresent();
                        return hinted || confirmed
                                ? signOut.signOut(session).thenReturn((EndSessionResult) new SignedOutResult(redirect))
                                : Mono.just(new ConfirmSignOutResult(client.map(OAuthClient::name)
                                        .filter(name -> !name.isBlank())));
                    })
                    .defaultIfEmpty(new SignedOutResult(redirect));
        });
    }

    /** The client named by {@code client_id} or by the hint's audience, which must agree. */
    private Mono<Optional<OAuthClient>> client(EndSessionCommand request) {
        Optional<String> named = Optional.ofNullable(request.clientId())
                .or(() -> request.hint().flatMap(hint -> hint.audience().stream().findFirst()));
        if (request.clientId() != null && request.hint()
                .filter(hint -> !hint.audience().contains(request.clientId())).isPresent()) {
            return Mono.error(new OAuthException(Code.INVALID_REQUEST, "client_id is not the id_token_hint's audience"));
        }
        if (named.isEmpty()) {
            return request.postLogoutRedirectUri() == null ? Mono.just(Optional.empty())
                    : Mono.error(new OAuthException(Code.INVALID_REQUEST,
                            "post_logout_redirect_uri needs client_id or id_token_hint"));
        }
        return clients.find(named.get()).filter(client -> !client.disabled()).map(Optional::of)
                .switchIfEmpty(Mono.error(() -> new OAuthException(Code.INVALID_CLIENT, "the client is not known")));
    }

    private static Optional<String> redirectOf(Optional<OAuthClient> client, EndSessionCommand request) {
        String asked = request.postLogoutRedirectUri();
        if (asked == null) {
            return Optional.empty();
        }
        boolean registered = client.stream().flatMap(known -> known.postLogoutRedirectUris().stream())
                .map(RedirectUri::value).anyMatch(asked::equals);
        if (!registered) {
            throw new OAuthException(Code.INVALID_REQUEST, "post_logout_redirect_uri is not one the client registered");
        }
        return Optional.of(request.state() == null ? asked : asked + (asked.contains("?") ? "&" : "?") + "state="
                + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
    }
}

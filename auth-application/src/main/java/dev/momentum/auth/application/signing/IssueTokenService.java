package dev.momentum.auth.application.signing;

import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.signing.port.in.GetSessionWithJwtQuery;
import dev.momentum.auth.application.signing.port.in.IssueTokenUseCase;
import dev.momentum.auth.application.signing.port.in.SessionWithJwtResult;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.signing.TokenClaims;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * JWTs for backend and MCP services, stating {@link TokenClaims}. A session's token is signed again only once it is
 * older than the policy's reuse window, or the user or the signing key has changed.
 */
public final class IssueTokenService implements IssueTokenUseCase, GetSessionWithJwtQuery, TokenTermsQuery {

    /** About 1 KiB a session: the space that saves a signature per get-session for this many users at once. */
    private static final int RECENT_TOKENS_CAPACITY = 10_000;

    private final GetSessionQuery getSession;
    private final CurrentSession currentSession;
    private final SigningKeyRing keys;
    private final SecureTokenGenerator ids;
    private final TokenPolicy policy;
    private final AdminPolicy admins;
    private final RecentTokens recent;

    public IssueTokenService(GetSessionQuery getSession, SigningKeyRing keys, SecureTokenGenerator ids,
                             TokenPolicy policy, AdminPolicy admins) {
        this.getSession = Objects.requireNonNull(getSession, "getSession cannot be null");
        this.currentSession = new CurrentSession(getSession);
        this.keys = Objects.requireNonNull(keys, "keys cannot be null");
        this.ids = Objects.requireNonNull(ids, "ids cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.admins = Objects.requireNonNull(admins, "admins cannot be null");
        this.recent = new RecentTokens(policy.reuse(), RECENT_TOKENS_CAPACITY);
    }

    @Override
    public Mono<String> issueToken(BearerToken sessionToken) {
        return currentSession.require(sessionToken).flatMap(this::tokenFor);
    }

    @Override
    public Mono<SessionWithJwtResult> getSessionWithJwt(BearerToken sessionToken, boolean mayRefresh) {
        return getSession.getSession(sessionToken, mayRefresh)
                .flatMap(session -> session.enrolmentOnly()
                        ? Mono.just(new SessionWithJwtResult(session, Optional.empty()))
                        : tokenFor(session).map(jwt -> new SessionWithJwtResult(session, Optional.of(jwt))));
    }

    Mono<String> tokenFor(SessionResult session) {
        SessionId id = session.session().id();
        User user = session.user();
        return keys.activeKey().map(key -> recent.reusable(id, user, key.id(), key.now()).orElseGet(() -> {
            String jwt = key.sign(claims(user, key.now()));
            recent.remember(id, user, key.id(), key.now(), jwt);
            return jwt;
        }));
    }

    @Override
    public String issuer() {
        return policy.issuer();
    }

    @Override
    public String audience() {
        return policy.audience();
    }

    @Override
    public String algorithm() {
        return keys.algorithm().name();
    }

    private TokenClaims claims(User user, Instant now) {
        return new TokenClaims(policy.issuer(), policy.audience(), now, now.plus(policy.lifetime()), ids.newToken(),
                user, admins.roleOf(user));
    }
}

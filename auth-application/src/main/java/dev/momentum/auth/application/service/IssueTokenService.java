package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.in.GetSessionQuery;
import dev.momentum.auth.application.port.in.IssueTokenUseCase;
import dev.momentum.auth.application.port.in.SessionResult;
import dev.momentum.auth.application.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * JWTs for backend and MCP services. Claims: better-auth's user fields ({@code id, name, email,
 * emailVerified, image, createdAt, updatedAt}), the registered ones ({@code iss, aud, sub, iat,
 * exp, jti}) and OpenID's {@code email_verified}.
 */
public final class IssueTokenService implements IssueTokenUseCase {

    private final CurrentSession currentSession;
    private final SigningKeyRing keys;
    private final SecureTokenGenerator ids;
    private final TokenPolicy policy;

    public IssueTokenService(GetSessionQuery getSession, SigningKeyRing keys, SecureTokenGenerator ids,
                             TokenPolicy policy) {
        this.currentSession = new CurrentSession(getSession);
        this.keys = Objects.requireNonNull(keys, "keys cannot be null");
        this.ids = Objects.requireNonNull(ids, "ids cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
    }

    @Override
    public Mono<String> issueToken(String sessionToken) {
        return currentSession.require(sessionToken).flatMap(this::tokenFor);
    }

    @Override
    public Mono<String> tokenFor(SessionResult session) {
        return keys.sign(now -> claims(session.user(), now));
    }

    @Override
    public Mono<String> jwksJson() {
        return keys.jwksJson();
    }

    @Override
    public String issuer() {
        return policy.issuer();
    }

    @Override
    public String algorithm() {
        return keys.algorithm().name();
    }

    private Map<String, Object> claims(User user, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", policy.issuer());
        claims.put("aud", policy.audience());
        claims.put("sub", user.id().value());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(policy.lifetime()).getEpochSecond());
        claims.put("jti", ids.newToken());
        claims.put("id", user.id().value());
        claims.put("name", user.name());
        claims.put("email", user.email().value());
        claims.put("emailVerified", user.emailVerified());
        claims.put("email_verified", user.emailVerified());
        claims.put("image", user.image());
        claims.put("createdAt", user.createdAt().toString());
        claims.put("updatedAt", user.updatedAt().toString());
        return claims;
    }
}

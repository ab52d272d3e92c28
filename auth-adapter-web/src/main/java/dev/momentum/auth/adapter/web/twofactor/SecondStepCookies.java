package dev.momentum.auth.adapter.web.twofactor;

import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.domain.twofactor.SecondStepTerms;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * better-auth's {@code two_factor} cookie (the sign-in challenge, ten minutes) and
 * {@code trust_device} cookie (thirty days), each signed as the session cookie is. Their values
 * are random tokens of which the database keeps only hashes.
 */
public final class SecondStepCookies {

    private final SessionCookieCodec codec;
    private final SessionCredentials credentials;

    public SecondStepCookies(SessionCookieCodec codec, SessionCredentials credentials) {
        this.codec = codec;
        this.credentials = credentials;
    }

    public Optional<String> challenge(ServerHttpRequest request) {
        return credentials.signedCookie(request, codec.twoFactorCookieName());
    }

    public Optional<String> trustedDevice(ServerHttpRequest request) {
        return credentials.signedCookie(request, codec.trustDeviceCookieName());
    }

    public void issueChallenge(ServerHttpResponse response, String challenge) {
        response.addCookie(codec.signedCookie(codec.twoFactorCookieName(), challenge,
                SecondStepTerms.CHALLENGE_VALIDITY));
    }

    public void expireChallenge(ServerHttpResponse response) {
        response.addCookie(codec.expired(codec.twoFactorCookieName()));
    }

    public void issueTrustedDevice(ServerHttpResponse response, String token) {
        response.addCookie(codec.signedCookie(codec.trustDeviceCookieName(), token, SecondStepTerms.TRUST_VALIDITY));
    }

    public void expireTrustedDevice(ServerHttpResponse response) {
        response.addCookie(codec.expired(codec.trustDeviceCookieName()));
    }
}

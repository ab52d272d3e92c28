package dev.momentum.auth.domain.oauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client proves itself at the token endpoint ({@code token_endpoint_auth_method}). A client
 * with {@link #NONE} is public: it holds no credential, so PKCE is what binds its code to it. One with
 * {@link #PRIVATE_KEY_JWT} signs an assertion with a key whose public half it published (RFC 7523).
 */
public enum ClientAuthentication {
    NONE("none"),
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String wireName;

    ClientAuthentication(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean usesSecret() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
    }

    /** It proves itself with a credential: a secret or a key. */
    public boolean isConfidential() {
        return this != NONE;
    }

    public static Optional<ClientAuthentication> ofWireName(String name) {
        return Arrays.stream(values()).filter(method -> method.wireName.equals(name)).findFirst();
    }
}

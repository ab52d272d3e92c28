package dev.momentum.auth.domain.oauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client proves itself at the token endpoint ({@code token_endpoint_auth_method}). A client
 * with {@link #NONE} is public: it holds no secret, so PKCE is what binds its code to it.
 */
public enum ClientAuthentication {
    NONE("none"),
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post");

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

    public static Optional<ClientAuthentication> ofWireName(String name) {
        return Arrays.stream(values()).filter(method -> method.wireName.equals(name)).findFirst();
    }
}

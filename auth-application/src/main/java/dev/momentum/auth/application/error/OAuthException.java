package dev.momentum.auth.application.error;

import java.util.Objects;

/**
 * A refusal of the OAuth endpoints, by its RFC 6749 (or RFC 7591, 8707, OpenID) error code, with a
 * description for the client's developer: never anything about a user.
 */
public final class OAuthException extends AuthFailure {

    /** The error codes of the OAuth specifications, as they go on the wire. */
    public enum Code {
        INVALID_REQUEST("invalid_request"),
        INVALID_CLIENT("invalid_client"),
        INVALID_GRANT("invalid_grant"),
        UNAUTHORIZED_CLIENT("unauthorized_client"),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
        UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
        INVALID_SCOPE("invalid_scope"),
        INVALID_TARGET("invalid_target"),
        ACCESS_DENIED("access_denied"),
        LOGIN_REQUIRED("login_required"),
        CONSENT_REQUIRED("consent_required"),
        INVALID_TOKEN("invalid_token"),
        INVALID_REDIRECT_URI("invalid_redirect_uri"),
        INVALID_CLIENT_METADATA("invalid_client_metadata");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Code code;

    public OAuthException(Code code, String description) {
        super(description);
        this.code = Objects.requireNonNull(code, "code cannot be null");
    }

    public Code code() {
        return code;
    }

    public String description() {
        return getMessage();
    }
}

package dev.momentum.auth.adapter.web.error;

import dev.momentum.auth.application.error.AuthError;
import org.springframework.http.HttpStatus;

/** The HTTP status better-auth answers each error with. */
public final class AuthErrorHttpMapper {

    private AuthErrorHttpMapper() {
    }

    public static HttpStatus statusOf(AuthError error) {
        return switch (error) {
            case VALIDATION_ERROR, INVALID_EMAIL, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_COMPROMISED,
                 INVALID_TOKEN, EMAIL_MISMATCH, EMAIL_ALREADY_VERIFIED, INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND,
                 EMAIL_CAN_NOT_BE_UPDATED, NO_FIELDS_TO_UPDATE, CHANGE_EMAIL_DISABLED, EMAIL_IS_THE_SAME,
                 SESSION_EXPIRED ->
                    HttpStatus.BAD_REQUEST;
            case INVALID_EMAIL_OR_PASSWORD, UNAUTHORIZED, TOKEN_EXPIRED, USER_NOT_FOUND, INVALID_USER ->
                    HttpStatus.UNAUTHORIZED;
            case NOT_FOUND, FAILED_TO_GET_USER_INFO -> HttpStatus.NOT_FOUND;
            case USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case EMAIL_NOT_VERIFIED, SESSION_NOT_FRESH, BANNED_USER, FORBIDDEN, TWO_FACTOR_NOT_SUPPORTED -> HttpStatus.FORBIDDEN;
            case SERVICE_UNAVAILABLE, OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}

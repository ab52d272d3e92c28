package dev.momentum.auth.adapter.web.error;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail;
import dev.momentum.auth.application.error.FailureDetail.AdminRefusal;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.error.FailureDetail.InvalidField;
import org.springframework.http.HttpStatus;

/** Each error on the wire: the HTTP status better-auth answers it with, and better-auth's wording of it. */
public final class AuthErrorHttpMapper {

    private AuthErrorHttpMapper() {
    }

    public static HttpStatus statusOf(AuthError error) {
        return switch (error) {
            case VALIDATION_ERROR, INVALID_EMAIL, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_COMPROMISED,
                 INVALID_TOKEN, EMAIL_MISMATCH, EMAIL_ALREADY_VERIFIED, INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND,
                 EMAIL_CAN_NOT_BE_UPDATED, NO_FIELDS_TO_UPDATE, CHANGE_EMAIL_DISABLED, EMAIL_IS_THE_SAME,
                 SESSION_EXPIRED, TOTP_NOT_ENABLED, TOTP_ALREADY_ENABLED, TWO_FACTOR_NOT_ENABLED, BACKUP_CODES_NOT_ENABLED,
                 TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE, OTP_HAS_EXPIRED, CHALLENGE_NOT_FOUND,
                 FAILED_TO_VERIFY_REGISTRATION ->
                    HttpStatus.BAD_REQUEST;
            case INVALID_EMAIL_OR_PASSWORD, UNAUTHORIZED, TOKEN_EXPIRED, USER_NOT_FOUND, INVALID_USER, INVALID_BACKUP_CODE,
                 INVALID_CODE, INVALID_TWO_FACTOR_COOKIE, YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY, PASSKEY_NOT_FOUND,
                 AUTHENTICATION_FAILED ->
                    HttpStatus.UNAUTHORIZED;
            case NOT_FOUND, FAILED_TO_GET_USER_INFO -> HttpStatus.NOT_FOUND;
            case USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case EMAIL_NOT_VERIFIED, SESSION_NOT_FRESH, BANNED_USER, FORBIDDEN,
                 TWO_FACTOR_ENROLMENT_REQUIRED ->
                    HttpStatus.FORBIDDEN;
            case SERVICE_UNAVAILABLE, OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** What the use case found wrong, worded as better-auth's schemas word it, or else its message for the code. */
    public static String messageOf(AuthException failure) {
        return failure.detail().map(AuthErrorHttpMapper::messageOf).orElseGet(() -> messageOf(failure.error()));
    }

    static String messageOf(FailureDetail detail) {
        return switch (detail) {
            case InvalidField(String field, Defect defect, int limit) -> "[body." + field + "] " + switch (defect) {
                case MISSING -> HttpProblem.ABSENT;
                case NOT_A_TOKEN -> "Invalid input: expected a token";
                case NOT_AN_EMAIL_ADDRESS -> "Invalid email address";
                case MALFORMED -> "Invalid " + field;
                case TOO_LONG -> "at most " + limit + " characters";
                case NOT_A_ROLE -> "must be admin or user";
            };
            case AdminRefusal refusal -> switch (refusal) {
                case UNKNOWN_USER -> "User not found";
                case OWN_ACCOUNT -> "Administrators cannot do this to their own account";
            };
        };
    }

    /** better-auth's message for the code, where the use case gave no detail. */
    public static String messageOf(AuthError error) {
        return switch (error) {
            case VALIDATION_ERROR -> "Invalid request";
            case INVALID_EMAIL -> "Invalid email";
            case INVALID_EMAIL_OR_PASSWORD -> "Invalid email or password";
            case INVALID_PASSWORD -> "Invalid password";
            case CREDENTIAL_ACCOUNT_NOT_FOUND -> "Credential account not found";
            case EMAIL_NOT_VERIFIED -> "Email not verified";
            case PASSWORD_TOO_SHORT -> "Password too short";
            case PASSWORD_COMPROMISED ->
                    "The password you entered has been compromised. Please choose a different password.";
            case PASSWORD_TOO_LONG -> "Password too long";
            case INVALID_TOKEN -> "Invalid token";
            case TOKEN_EXPIRED -> "Token expired";
            case USER_NOT_FOUND -> "User not found";
            case EMAIL_MISMATCH -> "Email mismatch";
            case EMAIL_ALREADY_VERIFIED -> "Email is already verified";
            case UNAUTHORIZED -> "Unauthorized";
            case SESSION_NOT_FRESH -> "Session is not fresh";
            case EMAIL_CAN_NOT_BE_UPDATED -> "Email can not be updated";
            case NO_FIELDS_TO_UPDATE -> "No fields to update";
            case CHANGE_EMAIL_DISABLED -> "Change email is disabled";
            case EMAIL_IS_THE_SAME -> "Email is the same";
            case INVALID_USER -> "Invalid user";
            case USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL -> "User already exists. Use another email.";
            case SESSION_EXPIRED -> "Session expired. Re-authenticate to perform this action.";
            case FAILED_TO_GET_USER_INFO -> "Failed to get user info";
            case NOT_FOUND -> "Not found";
            case BANNED_USER -> "You have been banned from this application. "
                    + "Please contact support if you believe this is an error.";
            case FORBIDDEN -> "Forbidden";
            // ours: a user imported from better-auth with a second factor, which this service cannot check yet
            case TOTP_NOT_ENABLED -> "TOTP not enabled";
            case TOTP_ALREADY_ENABLED -> "TOTP is already enabled";
            case TWO_FACTOR_NOT_ENABLED -> "Two factor isn't enabled";
            case BACKUP_CODES_NOT_ENABLED -> "Backup codes aren't enabled";
            case INVALID_BACKUP_CODE -> "Invalid backup code";
            case INVALID_CODE -> "Invalid code";
            case TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE -> "Too many attempts. Please request a new code.";
            case INVALID_TWO_FACTOR_COOKIE -> "Invalid two factor cookie";
            case OTP_HAS_EXPIRED -> "OTP has expired";
            case CHALLENGE_NOT_FOUND -> "Challenge not found";
            case YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY -> "You are not allowed to register this passkey";
            case FAILED_TO_VERIFY_REGISTRATION -> "Failed to verify registration";
            case PASSKEY_NOT_FOUND -> "Passkey not found";
            case AUTHENTICATION_FAILED -> "Authentication failed";
            case TWO_FACTOR_ENROLMENT_REQUIRED -> "This account must have a second factor. Enable one to continue.";
            case CONFLICT -> "Another change came first. Please try again.";
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable. Please try again shortly.";
            case OVERLOADED -> "The service is busy. Please try again shortly.";
        };
    }
}

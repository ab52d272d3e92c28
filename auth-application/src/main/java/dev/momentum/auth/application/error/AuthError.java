package dev.momentum.auth.application.error;

/**
 * Every expected failure, with the public code and message better-auth's client knows
 * (better-auth 1.7 {@code core/error/codes.mjs}). Unknown user and wrong password deliberately
 * share one code, so answers never tell which addresses have accounts.
 */
public enum AuthError {
    VALIDATION_ERROR("Invalid request"),
    INVALID_EMAIL("Invalid email"),
    INVALID_EMAIL_OR_PASSWORD("Invalid email or password"),
    INVALID_PASSWORD("Invalid password"),
    CREDENTIAL_ACCOUNT_NOT_FOUND("Credential account not found"),
    EMAIL_NOT_VERIFIED("Email not verified"),
    PASSWORD_TOO_SHORT("Password too short"),
    // better-auth's haveibeenpwned plugin: a password on a list of known ones
    PASSWORD_COMPROMISED("The password you entered has been compromised. Please choose a different password."),
    PASSWORD_TOO_LONG("Password too long"),
    INVALID_TOKEN("Invalid token"),
    TOKEN_EXPIRED("Token expired"),
    USER_NOT_FOUND("User not found"),
    EMAIL_MISMATCH("Email mismatch"),
    EMAIL_ALREADY_VERIFIED("Email is already verified"),
    UNAUTHORIZED("Unauthorized"),
    SESSION_NOT_FRESH("Session is not fresh"),
    EMAIL_CAN_NOT_BE_UPDATED("Email can not be updated"),
    NO_FIELDS_TO_UPDATE("No fields to update"),
    CHANGE_EMAIL_DISABLED("Change email is disabled"),
    EMAIL_IS_THE_SAME("Email is the same"),
    INVALID_USER("Invalid user"),
    USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL("User already exists. Use another email."),
    SESSION_EXPIRED("Session expired. Re-authenticate to perform this action."),
    FAILED_TO_GET_USER_INFO("Failed to get user info"),
    NOT_FOUND("Not found"),
    // better-auth's admin plugin: a user an administrator has disabled ("banned")
    BANNED_USER("You have been banned from this application. Please contact support if you believe this is an error."),
    FORBIDDEN("Forbidden"),
    // ours: a user imported from better-auth with a second factor, which this service cannot check yet
    TWO_FACTOR_NOT_SUPPORTED("This account signs in with a second factor, which this service does not support yet. "
            + "Contact support."),
    CONFLICT("Another change came first. Please try again."),
    SERVICE_UNAVAILABLE("The service is temporarily unavailable. Please try again shortly."),
    OVERLOADED("The service is busy. Please try again shortly.");

    private final String message;

    AuthError(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }
}

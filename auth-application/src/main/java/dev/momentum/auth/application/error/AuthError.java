package dev.momentum.auth.application.error;

/**
 * Every expected failure, by the public code better-auth's client knows (better-auth 1.7
 * {@code core/error/codes.mjs}); its wording on the wire is the driving adapter's. Unknown user
 * and wrong password deliberately share one code, so answers never tell which addresses have
 * accounts.
 */
public enum AuthError {
    VALIDATION_ERROR,
    INVALID_EMAIL,
    INVALID_EMAIL_OR_PASSWORD,
    INVALID_PASSWORD,
    CREDENTIAL_ACCOUNT_NOT_FOUND,
    EMAIL_NOT_VERIFIED,
    PASSWORD_TOO_SHORT,
    // better-auth's haveibeenpwned plugin: a password on a list of known ones
    PASSWORD_COMPROMISED,
    PASSWORD_TOO_LONG,
    INVALID_TOKEN,
    TOKEN_EXPIRED,
    USER_NOT_FOUND,
    EMAIL_MISMATCH,
    EMAIL_ALREADY_VERIFIED,
    UNAUTHORIZED,
    SESSION_NOT_FRESH,
    EMAIL_CAN_NOT_BE_UPDATED,
    NO_FIELDS_TO_UPDATE,
    CHANGE_EMAIL_DISABLED,
    EMAIL_IS_THE_SAME,
    INVALID_USER,
    USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
    SESSION_EXPIRED,
    FAILED_TO_GET_USER_INFO,
    NOT_FOUND,
    // better-auth's admin plugin: a user an administrator has disabled ("banned")
    BANNED_USER,
    FORBIDDEN,
    // better-auth's twoFactor plugin (plugins/two-factor/error-code.ts)
    TOTP_NOT_ENABLED,
    TOTP_ALREADY_ENABLED,
    TWO_FACTOR_NOT_ENABLED,
    BACKUP_CODES_NOT_ENABLED,
    INVALID_BACKUP_CODE,
    INVALID_CODE,
    TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE,
    INVALID_TWO_FACTOR_COOKIE,
    OTP_HAS_EXPIRED,
    // better-auth's passkey plugin (@better-auth/passkey error-codes.ts)
    CHALLENGE_NOT_FOUND,
    YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY,
    FAILED_TO_VERIFY_REGISTRATION,
    PASSKEY_NOT_FOUND,
    AUTHENTICATION_FAILED,
    // ours: TWO_FACTOR_REQUIRED asks this user for a second factor, and the session can only enrol one
    TWO_FACTOR_ENROLMENT_REQUIRED,
    CONFLICT,
    SERVICE_UNAVAILABLE,
    OVERLOADED;

    /** better-auth's code, which its client reads. */
    public String code() {
        return name();
    }
}

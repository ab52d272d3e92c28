package dev.momentum.auth.domain.verification;

/** What a single-use token proves when it comes back. */
public enum VerificationPurpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET,
    /** Control of a new address; the token carries the address. */
    EMAIL_CHANGE,
    /** The account holder's consent to delete the account. */
    ACCOUNT_DELETION
}

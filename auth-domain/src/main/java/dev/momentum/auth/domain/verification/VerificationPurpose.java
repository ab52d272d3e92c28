package dev.momentum.auth.domain.verification;

/** What a single-use token proves when it comes back. */
public enum VerificationPurpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET,
    /** Control of a new address; the token carries the address. */
    EMAIL_CHANGE,
    /** The account holder's consent to delete the account. */
    ACCOUNT_DELETION,
    /** A password sign-in that waits for its second factor; it counts the codes tried against it. */
    SIGN_IN_CHALLENGE,
    /** A browser where the second factor was given and that the user chose to trust; rotated at each use. */
    TRUSTED_DEVICE,
    /** A code mailed as the second factor; its hash binds it to the challenge or session it was sent for. */
    TWO_FACTOR_OTP
}

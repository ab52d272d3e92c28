package dev.momentum.auth.domain.verification;

/** What a single-use token proves when it comes back. */
public enum VerificationPurpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET
}

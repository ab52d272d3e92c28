package dev.momentum.auth.domain.audit;

/** What happened, as the audit trail and the event counters name it. */
public enum SecurityEventType {
    SIGN_UP,
    SIGN_IN,
    SIGN_OUT,
    EMAIL_VERIFICATION,
    PASSWORD_CHANGE,
    PASSWORD_RESET_REQUEST,
    PASSWORD_RESET,
    EMAIL_CHANGE_REQUEST,
    EMAIL_CHANGE,
    SESSION_REVOCATION,
    ACCOUNT_DELETION_REQUEST,
    ACCOUNT_DELETION,
    KEY_ROTATION,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ROLE_CHANGE,
    /** An administrator read users or the audit trail. */
    ADMIN_READ
}

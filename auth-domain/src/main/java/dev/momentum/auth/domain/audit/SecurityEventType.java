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
    ADMIN_READ,
    /** An authenticator app was enrolled; it counts once a first code of it is verified. */
    TWO_FACTOR_ENROLMENT,
    /** The first code of an enrolment was verified: sign-ins now ask for a second factor. */
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_DISABLED,
    /** The code that completes a sign-in, right or wrong. */
    SECOND_FACTOR_VERIFICATION,
    BACKUP_CODE_USE,
    BACKUP_CODES_REPLACEMENT,
    /** Wrong codes in a row locked a second factor for a while. */
    TWO_FACTOR_LOCK,
    PASSKEY_REGISTRATION,
    PASSKEY_SIGN_IN,
    PASSKEY_REMOVAL,
    /** A client registered itself (RFC 7591) or an administrator registered, changed or removed one. */
    OAUTH_CLIENT_REGISTRATION,
    /** A user granted or declined a client's request. */
    OAUTH_CONSENT,
    /** An authorization code issued, or a request refused back to its client. */
    OAUTH_AUTHORIZATION,
    /** The token endpoint: a grant exchanged or refused. */
    OAUTH_TOKEN,
    /** A grant ended: a replayed code or refresh token, a user's or an administrator's revocation. */
    OAUTH_GRANT_REVOCATION,
    /** An administrator added or removed a resource server that tokens may be issued for. */
    OAUTH_RESOURCE_CHANGE
}

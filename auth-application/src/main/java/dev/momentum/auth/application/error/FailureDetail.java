package dev.momentum.auth.application.error;

import java.util.Objects;

/**
 * What exactly a use case found wrong, beyond its {@link AuthError} code, as facts rather than
 * words: the driving adapter words each kind for its clients (the web adapter as better-auth does).
 */
public sealed interface FailureDetail {

    /**
     * A field of the request that cannot be accepted, and why.
     *
     * @param limit the most characters the field takes, for {@link Defect#TOO_LONG}; 0 otherwise
     */
    record InvalidField(String field, Defect defect, int limit) implements FailureDetail {

        public InvalidField {
            Objects.requireNonNull(field, "field cannot be null");
            Objects.requireNonNull(defect, "defect cannot be null");
        }

        public InvalidField(String field, Defect defect) {
            this(field, defect, 0);
        }
    }

    enum Defect {
        MISSING,
        /** Present but empty where a token belongs. */
        NOT_A_TOKEN,
        NOT_AN_EMAIL_ADDRESS,
        /** A value the domain refuses, such as a name with control characters. */
        MALFORMED,
        TOO_LONG,
        NOT_A_ROLE
    }

    /** Why an administrator's action on a user was refused. */
    enum AdminRefusal implements FailureDetail {
        UNKNOWN_USER,
        /** An administrator who disabled, deleted or demoted themselves could lock every administrator out. */
        OWN_ACCOUNT
    }
}

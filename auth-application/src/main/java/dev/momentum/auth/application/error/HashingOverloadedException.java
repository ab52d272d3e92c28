package dev.momentum.auth.application.error;

/** Every password-hashing slot and its queue are taken: shed the request rather than wait. */
public final class HashingOverloadedException extends AuthFailure {

    public HashingOverloadedException(String message) {
        super(message);
    }
}

package dev.momentum.auth.application.error;

/** Every password-hashing slot and its queue are taken: shed the request rather than wait. */
public final class HashingOverloadedException extends RuntimeException {

    public HashingOverloadedException(String message) {
        super(message, null, false, false);
    }
}

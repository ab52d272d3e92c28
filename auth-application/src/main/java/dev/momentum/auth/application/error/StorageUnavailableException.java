package dev.momentum.auth.application.error;

/** The database cannot be reached or did not answer in time; the request may be retried. */
public final class StorageUnavailableException extends AuthFailure {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

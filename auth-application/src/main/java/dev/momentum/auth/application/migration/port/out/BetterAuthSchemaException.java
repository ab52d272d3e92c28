package dev.momentum.auth.application.migration.port.out;

/** The better-auth tables are not there or not of a shape the import knows; the message is one line naming what is missing. */
public final class BetterAuthSchemaException extends RuntimeException {

    public BetterAuthSchemaException(String message) {
        super(message);
    }
}

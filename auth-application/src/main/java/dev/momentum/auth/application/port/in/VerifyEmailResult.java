package dev.momentum.auth.application.port.in;

/** A first use of a link signs the user in; opening it again only confirms the address is verified. */
public sealed interface VerifyEmailResult {

    record VerifiedAndSignedInResult(SessionResult session) implements VerifyEmailResult {
    }

    record AlreadyVerifiedResult() implements VerifyEmailResult {
    }
}

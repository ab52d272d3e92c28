package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A password sign-in either starts a session or waits for the user's second factor. */
public sealed interface SignInResult {

    /**
     * @param trustedDevice the trusted-device token that replaces the one the browser presented,
     *                      when a trusted device let the sign-in skip the second step
     */
    record SignedInResult(SessionResult session, Optional<String> trustedDevice) implements SignInResult {

        public SignedInResult {
            Objects.requireNonNull(session, "session cannot be null");
            Objects.requireNonNull(trustedDevice, "trustedDevice cannot be null");
        }

        @Override
        public String toString() {
            return "SignedInResult[" + session + ", trusted device " + (trustedDevice.isPresent() ? "renewed" : "none") + "]";
        }
    }

    /**
     * No session yet: the client proves the second factor against this challenge.
     *
     * @param challenge the secret the client presents with its code (better-auth's two_factor cookie)
     * @param methods   better-auth's {@code twoFactorMethods}
     */
    record SecondFactorRequiredResult(String challenge, List<String> methods) implements SignInResult {

        public SecondFactorRequiredResult {
            Objects.requireNonNull(challenge, "challenge cannot be null");
            methods = List.copyOf(methods);
        }

        @Override
        public String toString() {
            return "SecondFactorRequiredResult[challenge hidden, methods=" + methods + "]";
        }
    }
}

package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.domain.user.User;
import reactor.core.publisher.Mono;

/**
 * What a right password of a user with a second factor meets: the second-factor capability
 * implements it, so that it may depend on passwords and passwords not on it.
 */
public interface SecondFactorGate {

    /**
     * The token that replaces a trusted device's, when the presented one is the user's and still
     * valid; empty otherwise. The presented token is spent either way.
     *
     * @param presented null when the browser presented none
     */
    Mono<String> renewedTrust(User user, String presented);

    /** A challenge to answer with a code, in place of a session. */
    Mono<SecondFactorRequiredResult> challenge(User user);
}

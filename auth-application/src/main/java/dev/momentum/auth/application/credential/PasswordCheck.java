package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordPolicy;
import dev.momentum.auth.domain.user.User;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Checks a password a signed-in user presents, in better-auth's order: too long (400
 * PASSWORD_TOO_LONG), no credential account (CREDENTIAL_ACCOUNT_NOT_FOUND), wrong (INVALID_PASSWORD).
 */
public final class PasswordCheck {

    private final PasswordCredentials credentials;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;

    public PasswordCheck(PasswordCredentials credentials, PasswordHasher hasher, PasswordPolicy policy) {
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
    }

    public Mono<PasswordCredential> check(User user, String presented) {
        return InputErrors.reject(policy.checkPresented(presented))
                .then(Mono.defer(() -> credentials.findCredentialById(user.id())))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.CREDENTIAL_ACCOUNT_NOT_FOUND)))
                .flatMap(credential -> hasher.matches(presented, credential.hash())
                        .flatMap(matches -> matches
                                ? Mono.just(credential)
                                : Mono.<PasswordCredential>error(new AuthException(AuthError.INVALID_PASSWORD))));
    }
}

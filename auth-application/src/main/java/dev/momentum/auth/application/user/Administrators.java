package dev.momentum.auth.application.user;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.domain.user.UserId;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Whether the acting user is an administrator now (ADR-0034): a token's admin claim is not
 * enough, so disabling an administrator or taking the role away takes effect at once.
 */
public final class Administrators {

    private final UserLookup users;
    private final AdminPolicy policy;

    public Administrators(UserLookup users, AdminPolicy policy) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
    }

    /** Completes when the user is an administrator now; FORBIDDEN otherwise. */
    public Mono<Void> require(UserId administrator) {
        return users.findById(administrator)
                .filter(policy::isAdmin)
                .switchIfEmpty(Mono.error(new AuthException(AuthError.FORBIDDEN)))
                .then();
    }
}

package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

/**
 * An administrator's actions on users. Each checks first that the acting user is an administrator
 * now (FORBIDDEN otherwise), answers NOT_FOUND (404) for an unknown user, and is audited with the actor.
 */
public interface AdministerUsersUseCase {

    Mono<UserPageResult> search(UserId administrator, UserSearchQuery query);

    Mono<AdministeredUser> find(UserId administrator, UserId user);

    /** Disables the account and ends its sessions; sign-in and every session of it are refused until it is enabled. */
    Mono<Void> disable(UserId administrator, UserId user, String reason);

    Mono<Void> enable(UserId administrator, UserId user);

    Mono<Void> endSessions(UserId administrator, UserId user);

    Mono<Void> delete(UserId administrator, UserId user);

    /** Sets the stored role: {@code admin} or {@code user}. */
    Mono<Void> setRole(UserId administrator, UserId user, String role);
}

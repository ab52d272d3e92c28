package dev.momentum.auth.application.user.port.out;

import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

/** Finds a user by address or id; empty when there is none. */
public interface UserLookup {

    Mono<User> findByEmail(EmailAddress email);

    Mono<User> findById(UserId id);
}

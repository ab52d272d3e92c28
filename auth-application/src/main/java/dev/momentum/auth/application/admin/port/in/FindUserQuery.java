package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.user.AdministeredUser;
import reactor.core.publisher.Mono;

/** One user, for administrators, with the role their tokens state; audited as a read. */
public interface FindUserQuery {

    Mono<AdministeredUser> find(UserActionCommand request);
}

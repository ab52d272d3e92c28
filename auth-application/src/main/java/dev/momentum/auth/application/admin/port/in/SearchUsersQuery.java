package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

/** Users, for administrators, with the role their tokens state; audited as a read. */
public interface SearchUsersQuery {

    Mono<UserPageResult> search(UserSearchQuery query);
}

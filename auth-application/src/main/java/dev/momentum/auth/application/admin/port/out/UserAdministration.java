package dev.momentum.auth.application.admin.port.out;

import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What administrators read and change of users, beyond what users do to themselves. */
public interface UserAdministration {

    /** Users whose address or name contains the text (any case), oldest first; all of them for an empty text. */
    Flux<AdministeredUser> search(String text, int limit, long offset);

    Mono<Long> count(String text);

    Mono<AdministeredUser> find(UserId id);

    /** Disables (with a reason) or enables the user; false when there is no such user. */
    Mono<Boolean> setDisabled(UserId id, boolean disabled, String reason, Instant now);

    /** Sets the role, or clears it with null; false when there is no such user. */
    Mono<Boolean> setRole(UserId id, String role, Instant now);
}

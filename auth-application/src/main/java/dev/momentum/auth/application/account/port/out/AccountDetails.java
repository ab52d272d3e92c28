package dev.momentum.auth.application.account.port.out;

import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What users see and edit of their own account: the profile and the linked sign-in methods. */
public interface AccountDetails {

    Mono<Void> updateProfile(UserId id, UserProfile profile, Instant now);

    Flux<LinkedAccount> findAccounts(UserId id);
}

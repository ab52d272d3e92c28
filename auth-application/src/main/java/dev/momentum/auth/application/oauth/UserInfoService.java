package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.UserInfoQuery;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The user behind a verified access token, while they may still sign in. */
public final class UserInfoService implements UserInfoQuery {

    private final UserLookup users;

    public UserInfoService(UserLookup users) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
    }

    @Override
    public Mono<User> userInfo(String subject) {
        return Mono.justOrEmpty(subject).filter(value -> !value.isBlank()).map(UserId::new).flatMap(users::findById)
                .filter(user -> !user.disabled())
                .switchIfEmpty(Mono.error(() -> new OAuthException(Code.INVALID_TOKEN, "the token's user is gone")));
    }
}

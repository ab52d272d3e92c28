package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.user.User;
import reactor.core.publisher.Mono;

/** OpenID Connect's userinfo: the user an access token was issued for, while they may sign in. */
public interface UserInfoQuery {

    /** Refused with {@code invalid_token} when the user is gone or disabled. */
    Mono<User> userInfo(String subject);
}

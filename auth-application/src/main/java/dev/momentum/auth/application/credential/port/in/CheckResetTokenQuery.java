package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.token.LinkToken;
import reactor.core.publisher.Mono;

public interface CheckResetTokenQuery {

    /** True while the reset token can still be used; spends nothing (the mailed link only checks it). */
    Mono<Boolean> isUsable(LinkToken token);
}

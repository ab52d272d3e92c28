package dev.momentum.auth.application.twofactor.port.out;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The codes tried against a sign-in challenge (a verification token of purpose
 * SIGN_IN_CHALLENGE, opened and spent through the verification tokens).
 */
public interface SignInChallenges {

    /**
     * Counts one try against the open challenge, atomically, so however many race no more than
     * {@code allowed} are admitted; a challenge that has none left is spent.
     */
    Mono<Attempt> beginAttempt(TokenHash challenge, int allowed, Instant now);

    /** The user of the open challenge, without counting a try; empty when none is open. */
    Mono<UserId> holder(TokenHash challenge, Instant now);

    sealed interface Attempt {

        /** The try counts; the challenge is the user's. */
        record Admitted(UserId user) implements Attempt {
        }

        /** Every try was used: the challenge is spent and the sign-in must start again. */
        record Exhausted() implements Attempt {
        }

        /** No open challenge has this hash: unknown, expired, or already spent. */
        record Unknown() implements Attempt {
        }
    }
}

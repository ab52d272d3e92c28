package dev.momentum.auth.domain.verification;

import dev.momentum.auth.domain.user.UserId;

/** What became of an attempt to use a verification token. */
public sealed interface Redemption {

    /** The token was valid and is now spent; it belonged to this user. */
    record Redeemed(UserId userId) implements Redemption {
    }

    /** The token was spent before, by this user. */
    record AlreadyRedeemed(UserId userId) implements Redemption {
    }

    record Expired() implements Redemption {
    }

    record Unknown() implements Redemption {
    }
}

package dev.momentum.auth.domain.verification;

import dev.momentum.auth.domain.user.UserId;

/** What became of an attempt to use a verification token. */
public sealed interface Redemption {

    /** The token was valid and is now spent. */
    record Redeemed(VerificationToken token) implements Redemption {

        public UserId userId() {
            return token.userId();
        }
    }

    /** The token was spent before, by this user. */
    record AlreadyRedeemed(UserId userId) implements Redemption {
    }

    record Expired() implements Redemption {
    }

    record Unknown() implements Redemption {
    }
}

package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.twofactor.SecondStepTerms;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Codes by mail as the second factor (better-auth's {@code otp}): six digits, three minutes, one
 * pending code per user, single use. The stored hash covers the challenge or session the code was
 * sent for, so a code works only there, and a reader of the database cannot try codes without it.
 */
public final class MailedCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final VerificationTokenRepository tokens;
    private final MailOutbox outbox;
    private final SecureTokenGenerator random;
    private final Runnable mailQueued;
    private final Clock clock;

    /** @param mailQueued told once a code is queued, so delivery need not wait for its next poll */
    public MailedCodes(VerificationTokenRepository tokens, MailOutbox outbox, SecureTokenGenerator random,
                       Runnable mailQueued, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.outbox = Objects.requireNonNull(outbox, "outbox cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.mailQueued = Objects.requireNonNull(mailQueued, "mailQueued cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** @param key the challenge or session the code is for; a newer code replaces the user's older one */
    public Mono<Void> send(User user, String key) {
        return tokens.discardUnspent(user.id(), VerificationPurpose.TWO_FACTOR_OTP)
                .then(Mono.defer(() -> {
                    String code = random.newCode();
                    Instant now = Instants.now(clock);
                    return tokens.add(VerificationToken.issue(hashOf(key, code), VerificationPurpose.TWO_FACTOR_OTP,
                                    user.id(), now, SecondStepTerms.MAILED_CODE_VALIDITY))
                            .then(outbox.enqueue(new SecondFactorCodeMail(user.email(), user.name(), code), user.id(),
                                    now));
                }))
                .doOnSuccess(queued -> mailQueued.run());
    }

    /** True when the code was sent to this user for this key and is spent now; OTP_HAS_EXPIRED when it was too late. */
    public Mono<Boolean> proves(User user, String key, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Mono.just(false);
        }
        return tokens.redeem(hashOf(key, code), VerificationPurpose.TWO_FACTOR_OTP, Instants.now(clock))
                .flatMap(redemption -> switch (redemption) {
                    case Redemption.Redeemed redeemed -> Mono.just(redeemed.userId().equals(user.id()));
                    case Redemption.Expired expired -> Mono.error(new AuthException(AuthError.OTP_HAS_EXPIRED));
                    case Redemption.AlreadyRedeemed spent -> Mono.just(false);
                    case Redemption.Unknown unknown -> Mono.just(false);
                });
    }

    private static TokenHash hashOf(String key, String code) {
        return TokenHash.of(key + "!" + code);
    }
}

package dev.momentum.auth.application.verification;

import dev.momentum.auth.application.mail.port.out.AccountMail.AccountDeletionMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangedNotice;
import dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.verification.port.out.AccountLinks;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Issues single-use tokens and queues the mails that carry them, with the links that
 * {@link AccountLinks} builds. Every method is meant to run
 * inside the caller's transaction, so the mail exists exactly when the change that causes it
 * does; {@link #wakeDelivery} after the commit gets it sent at once.
 */
public final class VerificationMailing {

    private final VerificationTokenRepository verificationTokens;
    private final MailOutbox outbox;
    private final SecureTokenGenerator tokens;
    private final Runnable mailQueued;
    private final AccountLinks links;
    private final AuthPolicy policy;
    private final Clock clock;

    /** @param mailQueued told after a commit that queued mail, so delivery need not wait for its next poll */
    public VerificationMailing(VerificationTokenRepository verificationTokens, MailOutbox outbox,
                               SecureTokenGenerator tokens, Runnable mailQueued, AccountLinks links, AuthPolicy policy,
                               Clock clock) {
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.outbox = Objects.requireNonNull(outbox, "outbox cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.mailQueued = Objects.requireNonNull(mailQueued, "mailQueued cannot be null");
        this.links = Objects.requireNonNull(links, "links cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    public Mono<Void> queueVerification(User user, String callbackURL) {
        return issue(user, VerificationPurpose.EMAIL_VERIFICATION, token -> new VerificationMail(user.email(),
                user.name(), links.emailVerification(token, callbackURL)));
    }

    public Mono<Void> queuePasswordReset(User user, String redirectTo) {
        return issue(user, VerificationPurpose.PASSWORD_RESET, token -> new PasswordResetMail(user.email(),
                user.name(), links.passwordReset(token, redirectTo)));
    }

    /** Replaces any earlier unfinished change request: only the newest link works. */
    public Mono<Void> queueEmailChange(User user, EmailAddress newEmail, String callbackURL) {
        return verificationTokens.discardUnspent(user.id(), VerificationPurpose.EMAIL_CHANGE)
                .then(issue(user, VerificationPurpose.EMAIL_CHANGE, Optional.of(newEmail), token -> new EmailChangeMail(
                        newEmail, user.name(), links.emailVerification(token, callbackURL))));
    }

    /** @param user as it was before the change: the notice goes to the old address */
    Mono<Void> queueEmailChangedNotice(User user, EmailAddress newEmail) {
        return outbox.enqueue(new EmailChangedNotice(user.email(), user.name(), newEmail), user.id(),
                Instants.now(clock));
    }

    public Mono<Void> queueAccountDeletion(User user, String callbackURL) {
        return issue(user, VerificationPurpose.ACCOUNT_DELETION, token -> new AccountDeletionMail(user.email(),
                user.name(), links.accountDeletion(token, callbackURL)));
    }

    private Mono<Void> issue(User user, VerificationPurpose purpose, Function<String, AccountMail> mail) {
        return issue(user, purpose, Optional.empty(), mail);
    }

    private Mono<Void> issue(User user, VerificationPurpose purpose, Optional<EmailAddress> newEmail,
                             Function<String, AccountMail> mail) {
        return Mono.defer(() -> {
            String token = tokens.newToken();
            Instant now = Instants.now(clock);
            var stored = new VerificationToken(TokenHash.of(token), purpose, user.id(), now,
                    now.plus(policy.verificationTokenValidity()), newEmail);
            return verificationTokens.add(stored).then(outbox.enqueue(mail.apply(token), user.id(), now));
        });
    }

    /** Call after the commit: a rolled-back mail must not be looked for, a committed one not wait. */
    public void wakeDelivery() {
        mailQueued.run();
    }
}

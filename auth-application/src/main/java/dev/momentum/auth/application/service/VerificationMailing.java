package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.out.AccountMail;
import dev.momentum.auth.application.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.port.out.AccountMailer;
import dev.momentum.auth.application.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Issues single-use tokens and mails the links better-auth's frontends expect:
 * {@code {authBase}/verify-email?token=…&callbackURL=…} and {@code {authBase}/reset-password/<token>?callbackURL=…}.
 */
public final class VerificationMailing {

    private static final System.Logger LOG = System.getLogger(VerificationMailing.class.getName());

    private final VerificationTokenRepository verificationTokens;
    private final SecureTokenGenerator tokens;
    private final AccountMailer mailer;
    private final AuthPolicy policy;
    private final Clock clock;

    public VerificationMailing(VerificationTokenRepository verificationTokens, SecureTokenGenerator tokens,
                               AccountMailer mailer, AuthPolicy policy, Clock clock) {
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.mailer = Objects.requireNonNull(mailer, "mailer cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** Stores a new token for the user; emits the mail that carries it, to be sent after commit. */
    Mono<VerificationMail> prepare(User user, String callbackURL) {
        return issue(user, VerificationPurpose.EMAIL_VERIFICATION, token -> new VerificationMail(user.email(),
                user.name(), link("/verify-email?token=" + token, "&callbackURL=", callback(callbackURL))));
    }

    /**
     * Stores a password-reset token; the mailed link {@code {authBase}/reset-password/<token>?callbackURL=…}
     * is better-auth's, with an empty callbackURL when no redirectTo was given.
     */
    Mono<PasswordResetMail> preparePasswordReset(User user, String redirectTo) {
        return issue(user, VerificationPurpose.PASSWORD_RESET, token -> new PasswordResetMail(user.email(),
                user.name(), link("/reset-password/" + token, "?callbackURL=", redirectTo == null ? "" : redirectTo)));
    }

    private <M extends AccountMail> Mono<M> issue(User user, VerificationPurpose purpose, Function<String, M> mail) {
        return Mono.defer(() -> {
            String token = tokens.newToken();
            VerificationToken stored = VerificationToken.issue(TokenHash.of(token), purpose, user.id(),
                    Instants.now(clock), policy.verificationTokenValidity());
            return verificationTokens.add(stored).thenReturn(mail.apply(token));
        });
    }

    /**
     * Hands the mail to the provider without making the request wait for it: a slow provider must
     * not slow sign-ups down, nor let their duration tell new addresses from known ones.
     */
    void dispatch(AccountMail mail) {
        mailer.send(mail).subscribe(null, error -> LOG.log(Level.WARNING,
                "account mail to a user could not be sent: {0}", error.toString()));
    }

    private static String callback(String callbackURL) {
        return callbackURL == null || callbackURL.isEmpty() ? "/" : callbackURL;
    }

    private URI link(String pathAndToken, String callbackParameter, String callback) {
        return URI.create(policy.authBaseUrl() + pathAndToken + callbackParameter
                + URLEncoder.encode(callback, StandardCharsets.UTF_8));
    }
}

package dev.momentum.auth.application.service;

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
import reactor.core.publisher.Mono;

/**
 * Issues single-use email verification tokens and mails the link
 * {@code {authBase}/verify-email?token=…&callbackURL=…} that better-auth's frontends expect.
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
        return Mono.defer(() -> {
            String token = tokens.newToken();
            VerificationToken stored = VerificationToken.issue(TokenHash.of(token),
                    VerificationPurpose.EMAIL_VERIFICATION, user.id(), Instants.now(clock),
                    policy.verificationTokenValidity());
            return verificationTokens.add(stored)
                    .thenReturn(new VerificationMail(user.email(), user.name(), link(token, callbackURL)));
        });
    }

    /**
     * Hands the mail to the provider without making the request wait for it: a slow provider must
     * not slow sign-ups down, nor let their duration tell new addresses from known ones.
     */
    void dispatch(VerificationMail mail) {
        mailer.send(mail).subscribe(null, error -> LOG.log(Level.WARNING,
                "verification mail to a user could not be sent: {0}", error.toString()));
    }

    private URI link(String token, String callbackURL) {
        String callback = callbackURL == null || callbackURL.isEmpty() ? "/" : callbackURL;
        return URI.create(policy.authBaseUrl() + "/verify-email?token=" + token + "&callbackURL="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8));
    }
}

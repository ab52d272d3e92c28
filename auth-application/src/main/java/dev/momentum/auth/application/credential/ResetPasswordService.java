package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.in.CheckResetTokenQuery;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordUseCase;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.token.LinkToken;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Sets a new password with a mailed reset token. The token is spent, the password replaced and
 * (by default, stronger than better-auth) every session of the user ended, in one transaction.
 */
public final class ResetPasswordService implements ResetPasswordUseCase, CheckResetTokenQuery {

    private final VerificationTokenRepository verificationTokens;
    private final PasswordCredentials credentials;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final TransactionRunner transactions;
    private final AuthPolicy policy;
    private final Clock clock;
    private final SecurityEvents events;

    public ResetPasswordService(VerificationTokenRepository verificationTokens, PasswordCredentials credentials,
                                SessionRepository sessions, PasswordHasher hasher, TransactionRunner transactions,
                                AuthPolicy policy, Clock clock, SecurityEvents events) {
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<Boolean> isUsable(LinkToken token) {
        return verificationTokens.isRedeemable(token.hash(), VerificationPurpose.PASSWORD_RESET,
                Instants.now(clock));
    }

    @Override
    public Mono<Void> resetPassword(ResetPasswordCommand command) {
        return events.failures(SecurityEventType.PASSWORD_RESET,
                InputErrors.reject(policy.passwordPolicy().checkNew(command.newPassword()))
                        .then(Mono.defer(() -> hasher.hash(command.newPassword())))
                        .flatMap(hash -> transactions.inTransaction(() -> spendAndReplace(command.token(), hash)))
                        .flatMap(userId -> events.succeeded(SecurityEventType.PASSWORD_RESET,
                                new Subject(userId, null), null)),
                Subject.NOBODY);
    }

    private Mono<UserId> spendAndReplace(LinkToken token, PasswordHash hash) {
        Instant now = Instants.now(clock);
        return verificationTokens.redeem(token.hash(), VerificationPurpose.PASSWORD_RESET, now)
                .flatMap(redemption -> redemption instanceof Redemption.Redeemed redeemed
                        ? credentials.replacePasswordHash(redeemed.userId(), hash, now)
                                .then(policy.revokeSessionsOnPasswordReset()
                                        ? sessions.deleteAllOfUser(redeemed.userId(), null)
                                        : Mono.empty())
                                .thenReturn(redeemed.userId())
                        : Mono.error(new AuthException(AuthError.INVALID_TOKEN)));
    }
}

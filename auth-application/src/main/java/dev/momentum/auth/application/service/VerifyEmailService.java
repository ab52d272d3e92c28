package dev.momentum.auth.application.service;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.port.in.VerifyEmailCommand;
import dev.momentum.auth.application.port.in.VerifyEmailResult;
import dev.momentum.auth.application.port.in.VerifyEmailResult.AlreadyVerifiedResult;
import dev.momentum.auth.application.port.in.VerifyEmailResult.VerifiedAndSignedInResult;
import dev.momentum.auth.application.port.in.VerifyEmailUseCase;
import dev.momentum.auth.application.port.out.TransactionRunner;
import dev.momentum.auth.application.port.out.UserRepository;
import dev.momentum.auth.application.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Spends a verification link: marks the address verified and signs the user in, all in one
 * transaction. Opening a spent link again confirms, but starts no second session.
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final VerificationTokenRepository verificationTokens;
    private final UserRepository users;
    private final SessionIssuer sessionIssuer;
    private final TransactionRunner transactions;
    private final Clock clock;

    public VerifyEmailService(VerificationTokenRepository verificationTokens, UserRepository users,
                              SessionIssuer sessionIssuer, TransactionRunner transactions, Clock clock) {
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.sessionIssuer = Objects.requireNonNull(sessionIssuer, "sessionIssuer cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<VerifyEmailResult> verify(VerifyEmailCommand command) {
        Instant now = Instants.now(clock);
        return transactions.inTransaction(() -> verificationTokens
                .redeem(TokenHash.of(command.token()), VerificationPurpose.EMAIL_VERIFICATION, now)
                .flatMap(redemption -> switch (redemption) {
                    case Redemption.Redeemed(UserId userId) -> verifyAndSignIn(userId, command, now);
                    case Redemption.AlreadyRedeemed ignored -> Mono.just(new AlreadyVerifiedResult());
                    case Redemption.Expired ignored -> Mono.error(new AuthException(AuthError.TOKEN_EXPIRED));
                    case Redemption.Unknown ignored -> Mono.error(new AuthException(AuthError.INVALID_TOKEN));
                }));
    }

    private Mono<VerifyEmailResult> verifyAndSignIn(UserId userId, VerifyEmailCommand command, Instant now) {
        return users.markEmailVerified(userId, now)
                .then(Mono.defer(() -> users.findById(userId)))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.USER_NOT_FOUND)))
                .flatMap(user -> sessionIssuer.start(user, true, command.client()))
                .map(VerifiedAndSignedInResult::new);
    }
}

package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.credential.PasswordCheck;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.twofactor.port.in.ManageSecondFactorUseCase;
import dev.momentum.auth.application.twofactor.port.in.PasswordConfirmedCommand;
import dev.momentum.auth.application.twofactor.port.in.TotpEnrolmentResult;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** better-auth's {@code enable}, {@code get-totp-uri}, {@code generate-backup-codes} and {@code disable}. */
public final class ManageSecondFactorService implements ManageSecondFactorUseCase {

    private final CurrentSession current;
    private final PasswordCheck passwords;
    private final SecondFactors factors;
    private final FactorSecrets secrets;
    private final TotpCodes totp;
    private final SecureTokenGenerator random;
    private final VerificationTokenRepository tokens;
    private final SessionReplacement replacement;
    private final SecurityEvents events;
    private final Clock clock;
    private final String defaultIssuer;

    /** @param defaultIssuer the issuer an authenticator app shows when the client names none (better-auth's appName) */
    public ManageSecondFactorService(CurrentSession current, PasswordCheck passwords, SecondFactors factors,
                                     FactorSecrets secrets, TotpCodes totp, SecureTokenGenerator random,
                                     VerificationTokenRepository tokens, SessionReplacement replacement,
                                     SecurityEvents events, Clock clock, String defaultIssuer) {
        this.current = Objects.requireNonNull(current, "current cannot be null");
        this.passwords = Objects.requireNonNull(passwords, "passwords cannot be null");
        this.factors = Objects.requireNonNull(factors, "factors cannot be null");
        this.secrets = Objects.requireNonNull(secrets, "secrets cannot be null");
        this.totp = Objects.requireNonNull(totp, "totp cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.replacement = Objects.requireNonNull(replacement, "replacement cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.defaultIssuer = Objects.requireNonNull(defaultIssuer, "defaultIssuer cannot be null");
    }

    @Override
    public Mono<TotpEnrolmentResult> enableTotp(PasswordConfirmedCommand command, String issuer) {
        return confirmed(command).flatMap(held -> {
            User user = held.user();
            TotpSecret secret = new TotpSecret(random.newToken());
            BackupCodes backupCodes = BackupCodes.generate(random::newToken);
            return factors.enrolTotp(user.id(), secrets.sealSecret(user.id(), secret),
                            secrets.sealCodes(user.id(), backupCodes), Instants.now(clock))
                    .flatMap(enrolled -> enrolled
                            ? events.succeeded(SecurityEventType.TWO_FACTOR_ENROLMENT, Subject.of(user), null)
                            : Mono.error(new AuthException(AuthError.TOTP_ALREADY_ENABLED)))
                    .thenReturn(new TotpEnrolmentResult(uri(user, secret, issuer), backupCodes.codes()));
        });
    }

    @Override
    public Mono<SessionResult> enableMailedCodes(PasswordConfirmedCommand command) {
        return confirmed(command).flatMap(held -> factors.enableMailedCodes(held.user().id(), Instants.now(clock))
                .then(replaced(held, command, SecurityEventType.TWO_FACTOR_ENABLED, "OTP")));
    }

    @Override
    public Mono<String> totpUri(PasswordConfirmedCommand command) {
        return confirmed(command).flatMap(held -> factors.find(held.user().id())
                .filter(SecondFactor::hasTotp)
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.TOTP_NOT_ENABLED)))
                .map(factor -> uri(held.user(), secrets.openSecret(held.user().id(), factor.sealedSecret()), null)));
    }

    @Override
    public Mono<List<String>> replaceBackupCodes(PasswordConfirmedCommand command) {
        return confirmed(command).flatMap(held -> {
            User user = held.user();
            BackupCodes fresh = BackupCodes.generate(random::newToken);
            return factors.find(user.id())
                    .filter(SecondFactor::enabled)
                    .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.TWO_FACTOR_NOT_ENABLED)))
                    .flatMap(factor -> factors.replaceBackupCodes(user.id(), factor.sealedBackupCodes(),
                            secrets.sealCodes(user.id(), fresh)))
                    .flatMap(replaced -> replaced
                            ? events.succeeded(SecurityEventType.BACKUP_CODES_REPLACEMENT, Subject.of(user), null)
                            : Mono.error(new AuthException(AuthError.CONFLICT)))
                    .thenReturn(fresh.codes());
        });
    }

    @Override
    public Mono<SessionResult> disable(PasswordConfirmedCommand command) {
        return confirmed(command).flatMap(held -> factors.remove(held.user().id())
                .then(tokens.discardUnspent(held.user().id(), VerificationPurpose.TRUSTED_DEVICE))
                .then(replaced(held, command, SecurityEventType.TWO_FACTOR_DISABLED, null)));
    }

    /** The session in place of the held one, with the user as the change left them, and the change audited. */
    private Mono<SessionResult> replaced(SessionResult held, PasswordConfirmedCommand command, SecurityEventType type,
                                         String detail) {
        return replacement.renew(held, command.client())
                .flatMap(session -> events.succeeded(type, Subject.of(session.user()), detail).thenReturn(session));
    }

    private Mono<SessionResult> confirmed(PasswordConfirmedCommand command) {
        return current.requireToEnrol(command.session())
                .flatMap(held -> passwords.check(held.user(), command.password()).thenReturn(held));
    }

    private String uri(User user, TotpSecret secret, String issuer) {
        return totp.enrolmentUri(secret, issuer == null || issuer.isBlank() ? defaultIssuer : issuer,
                user.email().value());
    }
}

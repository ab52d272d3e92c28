package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.twofactor.BackupCodes;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.User;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * Whether a presented code proves the second factor, spending what it uses: the step of an
 * authenticator-app code, so it is not accepted again, or the backup code, so it works once.
 * Both spend through a conditional update, so of requests that race with one code one wins.
 */
public final class CodeCheck {

    private final SecondFactors factors;
    private final FactorSecrets secrets;
    private final TotpCodes totp;
    private final MailedCodes mailed;
    private final SecurityEvents events;
    private final Clock clock;

    public CodeCheck(SecondFactors factors, FactorSecrets secrets, TotpCodes totp, MailedCodes mailed,
                     SecurityEvents events, Clock clock) {
        this.factors = Objects.requireNonNull(factors, "factors cannot be null");
        this.secrets = Objects.requireNonNull(secrets, "secrets cannot be null");
        this.totp = Objects.requireNonNull(totp, "totp cannot be null");
        this.mailed = Objects.requireNonNull(mailed, "mailed cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** The user's factor, or better-auth's error for a proof the user cannot give. */
    public Mono<SecondFactor> factorFor(User user, Proof proof, boolean signingIn) {
        return factors.find(user.id())
                .filter(factor -> switch (proof) {
                    case TOTP -> signingIn ? factor.totpAtSignIn() : factor.hasTotp();
                    case BACKUP_CODE -> factor.sealedBackupCodes() != null;
                    case OTP -> factor.enabled();
                })
                .switchIfEmpty(Mono.error(() -> new AuthException(switch (proof) {
                    case TOTP -> AuthError.TOTP_NOT_ENABLED;
                    case BACKUP_CODE -> AuthError.BACKUP_CODES_NOT_ENABLED;
                    case OTP -> AuthError.TWO_FACTOR_NOT_ENABLED;
                })));
    }

    /**
     * True when the code proves the factor and was spent by this call.
     *
     * @param key the challenge or session a mailed code was sent for
     */
    public Mono<Boolean> proves(User user, SecondFactor factor, Proof proof, String code, String key) {
        return switch (proof) {
            case TOTP -> totpProves(user, factor, code);
            case BACKUP_CODE -> backupCodeProves(user, factor, code);
            case OTP -> mailed.proves(user, key, code);
        };
    }

    private Mono<Boolean> totpProves(User user, SecondFactor factor, String code) {
        return Mono.defer(() -> {
            TotpSecret secret = secrets.openSecret(user.id(), factor.sealedSecret());
            OptionalLong step = TotpCheck.acceptedStep(code, Instants.now(clock), factor.lastAcceptedStep(),
                    at -> totp.codeAt(secret, at));
            return step.isPresent() ? factors.acceptStep(user.id(), step.getAsLong()) : Mono.just(false);
        });
    }

    /** A code raced by another request that spent one first answers CONFLICT, as better-auth's does. */
    private Mono<Boolean> backupCodeProves(User user, SecondFactor factor, String code) {
        return Mono.defer(() -> secrets.openCodes(user.id(), factor.sealedBackupCodes()).spending(code)
                .map(left -> spend(user, factor.sealedBackupCodes(), left))
                .orElse(Mono.just(false)));
    }

    private Mono<Boolean> spend(User user, String sealedCodes, BackupCodes left) {
        return factors.replaceBackupCodes(user.id(), sealedCodes, secrets.sealCodes(user.id(), left))
                .flatMap(spent -> spent
                        ? events.succeeded(SecurityEventType.BACKUP_CODE_USE, Subject.of(user),
                                left.codes().size() + " left").thenReturn(true)
                        : Mono.error(new AuthException(AuthError.CONFLICT)));
    }
}

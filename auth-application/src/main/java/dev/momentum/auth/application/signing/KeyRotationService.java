package dev.momentum.auth.application.signing;

import dev.momentum.auth.application.signing.port.in.RotateSigningKeysUseCase;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.domain.user.UserId;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Both ways a signing key is rotated (ADR-0016): on the schedule, and at once by an administrator. */
public final class KeyRotationService implements RotateSigningKeysUseCase {

    private final SigningKeyRing keys;
    private final Administrators administrators;

    public KeyRotationService(SigningKeyRing keys, Administrators administrators) {
        this.keys = Objects.requireNonNull(keys, "keys cannot be null");
        this.administrators = Objects.requireNonNull(administrators, "administrators cannot be null");
    }

    @Override
    public Mono<Void> rotateWhenDue() {
        return keys.refresh();
    }

    @Override
    public Mono<String> rotateNow(UserId administrator) {
        return administrators.require(administrator).then(Mono.defer(() -> keys.rotateNow(administrator)));
    }
}

package dev.momentum.auth.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.InMemorySigningKeys;
import dev.momentum.auth.application.testing.LabelledSigning;
import dev.momentum.auth.application.testing.SequenceTokenGenerator;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.domain.signing.KeyRotation;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.user.EmailAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class KeyRotationServiceTest {

    private final TestAuthService auth = new TestAuthService();
    private final InMemorySigningKeys store = new InMemorySigningKeys();
    private final SigningKeyRing keys = new SigningKeyRing(store, LabelledSigning.bySubject(),
            new SequenceTokenGenerator(), new KeyRotation(Duration.ofDays(30), Duration.ofMinutes(20),
            Duration.ofMinutes(15), Duration.ofMinutes(20)), SigningAlgorithm.ES256, auth.clock, auth.events);
    private final KeyRotationService rotation = new KeyRotationService(keys,
            new Administrators(auth.users, new AdminPolicy(Set.of(EmailAddress.parse("admin@example.com").orElseThrow()))));

    @Test
    void rotateWhenDueWhenNoKeyYetThenTheFirstAndWhenTheActiveKeyIsDueThenItsSuccessor() {
        rotation.rotateWhenDue().block();
        assertThat(store.keys).hasSize(1);

        rotation.rotateWhenDue().block();
        assertThat(store.keys).as("nothing due yet").hasSize(1);

        auth.clock.advance(Duration.ofDays(30));
        rotation.rotateWhenDue().block();
        assertThat(store.keys).hasSize(2);
    }

    @Test
    void rotateNowWhenAnAdministratorAsksThenANewKeyAndWhenAnyoneElseAsksThenForbiddenAndNoKey() {
        rotation.rotateWhenDue().block();
        var admin = auth.signUpVerifyAndSignIn("admin@example.com").user().id();
        var user = auth.signUpVerifyAndSignIn("ada@example.com").user().id();

        StepVerifier.create(rotation.rotateNow(user)).verifyErrorMatches(AuthErrors.is(AuthError.FORBIDDEN));
        assertThat(store.keys).hasSize(1);

        String added = rotation.rotateNow(admin).block();
        assertThat(store.keys).hasSize(2).anySatisfy(key -> assertThat(key.key().id()).isEqualTo(added));
    }
}

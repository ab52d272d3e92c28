package dev.momentum.auth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.credential.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.DEFAULT;

    @Test
    void checkNewWhenSevenCharactersThenTooShort() {
        assertThat(policy.checkNew("1234567")).contains(Violation.TOO_SHORT);
    }

    @Test
    void checkNewWhenEightAndHundredTwentyEightThenAccepted() {
        assertThat(policy.checkNew("12345678")).isEmpty();
        assertThat(policy.checkNew("x".repeat(128))).isEmpty();
    }

    @Test
    void checkNewWhen129ThenTooLong() {
        assertThat(policy.checkNew("x".repeat(129))).contains(Violation.TOO_LONG);
    }

    @Test
    void checkPresentedWhenShortThenAcceptedBecauseSignInHasNoMinimum() {
        assertThat(policy.checkPresented("x")).isEmpty();
        assertThat(policy.checkPresented("x".repeat(129))).contains(Violation.TOO_LONG);
    }

    @Test
    void checkNewWhenACommonPasswordInAnyCaseThenCommonButAtSignInItIsOnlyMeasured() {
        PasswordPolicy refusing = policy.refusing("password1"::equals);

        assertThat(refusing.checkNew("Password1")).contains(Violation.COMMON);
        assertThat(refusing.checkNew("password12")).isEmpty();
        assertThat(refusing.checkPresented("Password1")).isEmpty();
    }

    @Test
    void lengthIsCountedInUtf16UnitsLikeJavaScript() {
        // four emoji are eight UTF-16 code units: JavaScript's "length" is 8, so better-auth accepts it
        assertThat(policy.checkNew("😀😀😀😀")).isEmpty();
    }
}

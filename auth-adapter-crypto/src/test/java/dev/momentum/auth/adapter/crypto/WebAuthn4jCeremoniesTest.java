package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies.CeremonyRefusedException;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies.Expected;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies.NewCredential;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebAuthn4jCeremoniesTest {

    static final String ORIGIN = "https://app.example.com";
    static final Expected EXPECTED = new Expected("app.example.com", Set.of(ORIGIN));
    static final byte[] CHALLENGE = "a-challenge-of-thirty-two-chars!".getBytes(StandardCharsets.US_ASCII);

    final WebAuthn4jCeremonies ceremonies = new WebAuthn4jCeremonies();
    final SoftwareAuthenticator authenticator = new SoftwareAuthenticator(5);

    @Test
    void verifyRegistrationThenTheCredentialInBetterAuthsStoredForm() {
        NewCredential credential = ceremonies.verifyRegistration(authenticator.register(CHALLENGE, ORIGIN,
                "app.example.com"), CHALLENGE, EXPECTED);

        assertThat(credential.credentialId()).isEqualTo(authenticator.credentialId()).doesNotContain("=");
        assertThat(Base64.getDecoder().decode(credential.publicKey())).as("standard base64 of the COSE key")
                .startsWith((byte) 0xa5);
        assertThat(credential.counter()).isEqualTo(5);
        assertThat(credential.deviceType()).isEqualTo("multiDevice");
        assertThat(credential.backedUp()).isTrue();
        assertThat(credential.transports()).containsExactly("internal");
        assertThat(credential.aaguid()).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void verifyRegistrationWhenAnotherChallengeOriginOrRelyingPartyThenRefused() {
        byte[] other = "another-challenge-thirty-two-ch!".getBytes(StandardCharsets.US_ASCII);

        assertRefused(() -> ceremonies.verifyRegistration(authenticator.register(other, ORIGIN, "app.example.com"),
                CHALLENGE, EXPECTED));
        assertRefused(() -> ceremonies.verifyRegistration(authenticator.register(CHALLENGE, "https://evil.example",
                "app.example.com"), CHALLENGE, EXPECTED));
        assertRefused(() -> ceremonies.verifyRegistration(authenticator.register(CHALLENGE, ORIGIN, "evil.example"),
                CHALLENGE, EXPECTED));
        assertRefused(() -> ceremonies.verifyRegistration("{\"id\":\"x\"}", CHALLENGE, EXPECTED));
        assertRefused(() -> ceremonies.verifyRegistration("not json", CHALLENGE, EXPECTED));
    }

    @Test
    void verifyAuthenticationThenTheNewCounterAndAForgedOrReplayedAssertionIsRefused() {
        Passkey passkey = registered();
        authenticator.setCounter(6);

        String assertion = authenticator.authenticate(CHALLENGE, ORIGIN, "app.example.com");
        assertThat(ceremonies.verifyAuthentication(assertion, CHALLENGE, EXPECTED, passkey)).isEqualTo(6);

        Passkey afterUse = withCounter(passkey, 6);
        assertRefused(() -> ceremonies.verifyAuthentication(assertion, CHALLENGE, EXPECTED, afterUse));
        String forged = assertion.replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\"MEUCIQDforged\"");
        assertRefused(() -> ceremonies.verifyAuthentication(forged, CHALLENGE, EXPECTED, passkey));
        SoftwareAuthenticator stranger = new SoftwareAuthenticator(7);
        assertRefused(() -> ceremonies.verifyAuthentication(stranger.authenticate(CHALLENGE, ORIGIN, "app.example.com")
                .replace(stranger.credentialId(), authenticator.credentialId()), CHALLENGE, EXPECTED, passkey));
    }

    @Test
    void verifyAuthenticationWhenTheCounterWentBackwardsOrAnotherOriginThenRefused() {
        Passkey passkey = withCounter(registered(), 10);
        authenticator.setCounter(9);

        assertRefused(() -> ceremonies.verifyAuthentication(authenticator.authenticate(CHALLENGE, ORIGIN,
                "app.example.com"), CHALLENGE, EXPECTED, passkey));
        authenticator.setCounter(11);
        assertRefused(() -> ceremonies.verifyAuthentication(authenticator.authenticate(CHALLENGE,
                "https://evil.example", "app.example.com"), CHALLENGE, EXPECTED, passkey));
    }

    @Test
    void verifyAuthenticationWhenTheAuthenticatorKeepsNoCounterThenZeroIsAcceptedAgain() {
        authenticator.setCounter(0);
        Passkey passkey = registered();

        assertThat(ceremonies.verifyAuthentication(authenticator.authenticate(CHALLENGE, ORIGIN, "app.example.com"),
                CHALLENGE, EXPECTED, passkey)).isZero();
        assertThat(ceremonies.verifyAuthentication(authenticator.authenticate(CHALLENGE, ORIGIN, "app.example.com"),
                CHALLENGE, EXPECTED, passkey)).isZero();
    }

    @Test
    void credentialIdOfThenTheIdTheResponseNamesOrNull() {
        assertThat(ceremonies.credentialIdOf(authenticator.authenticate(CHALLENGE, ORIGIN, "app.example.com")))
                .isEqualTo(authenticator.credentialId());
        assertThat(ceremonies.credentialIdOf("{}")).isNull();
        assertThat(ceremonies.credentialIdOf("{\"id\":7}")).isNull();
        assertThat(ceremonies.credentialIdOf("[broken")).isNull();
    }

    private Passkey registered() {
        NewCredential credential = ceremonies.verifyRegistration(authenticator.register(CHALLENGE, ORIGIN,
                "app.example.com"), CHALLENGE, EXPECTED);
        return new Passkey("pk1", new UserId("u1"), null, credential.credentialId(), credential.publicKey(),
                credential.counter(), credential.deviceType(), credential.backedUp(), "internal", credential.aaguid(),
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    private static Passkey withCounter(Passkey passkey, long counter) {
        return new Passkey(passkey.id(), passkey.userId(), passkey.name(), passkey.credentialId(), passkey.publicKey(),
                counter, passkey.deviceType(), passkey.backedUp(), passkey.transports(), passkey.aaguid(),
                passkey.createdAt());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CeremonyRefusedException.class);
    }
}

package dev.momentum.auth.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void verifiesWhenTheRfcsExampleThenYesAndAnyOtherVerifierNo() {
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
        assertThat(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE.replace('E', 'F'))).isFalse();
    }

    @Test
    void verifiesWhenTheVerifierOrChallengeIsMalformedThenNo() {
        assertThat(Pkce.verifies("short", CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("a".repeat(129), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(VERIFIER + "!", CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(VERIFIER, VERIFIER)).as("plain is not accepted").isFalse();
        assertThat(Pkce.verifies(VERIFIER, null)).isFalse();
        assertThat(Pkce.isChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.isChallenge(CHALLENGE + "=")).isFalse();
    }
}

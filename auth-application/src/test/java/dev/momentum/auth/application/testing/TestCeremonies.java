package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies;
import dev.momentum.auth.domain.passkey.Passkey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers as the WebAuthn library would, for responses written by {@link #response}: the challenge
 * must be the one sent and the counter must move on. The real checks are WebAuthn4jCeremonies', tested
 * in the crypto adapter and in a real browser.
 */
public final class TestCeremonies implements WebAuthnCeremonies {

    private static final Pattern RESPONSE = Pattern.compile("\\{\"id\":\"([^\"]*)\",\"challenge\":\"([^\"]*)\",\"counter\":(\\d+)}");

    /** What a browser would answer for this credential, challenge and counter. */
    public static String response(String credentialId, String challenge, long counter) {
        return "{\"id\":\"" + credentialId + "\",\"challenge\":\"" + challenge + "\",\"counter\":" + counter + "}";
    }

    @Override
    public NewCredential verifyRegistration(String responseJson, byte[] challenge, Expected expected) {
        Matcher response = checked(responseJson, challenge);
        return new NewCredential(response.group(1), "cHVibGljLWtleQ==", Long.parseLong(response.group(3)),
                "multiDevice", true, List.of("internal"), null);
    }

    @Override
    public long verifyAuthentication(String responseJson, byte[] challenge, Expected expected, Passkey passkey) {
        long counter = Long.parseLong(checked(responseJson, challenge).group(3));
        if ((counter != 0 || passkey.counter() != 0) && counter <= passkey.counter()) {
            throw new CeremonyRefusedException("counter went backwards", null);
        }
        return counter;
    }

    @Override
    public String credentialIdOf(String responseJson) {
        Matcher response = RESPONSE.matcher(responseJson);
        return response.matches() ? response.group(1) : null;
    }

    private static Matcher checked(String responseJson, byte[] challenge) {
        Matcher response = RESPONSE.matcher(responseJson);
        if (!response.matches() || !response.group(2).equals(new String(challenge, StandardCharsets.US_ASCII))) {
            throw new CeremonyRefusedException("not for this challenge", null);
        }
        return response;
    }
}

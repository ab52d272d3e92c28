package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;

/**
 * @param challenge       the challenge cookie's value; null when the client sent none
 * @param response        the browser's AuthenticationResponseJSON, as text
 * @param replacedSession the session the client held, which the sign-in ends; null when none
 */
public record PasskeySignInCommand(String challenge, String response, ClientInfo client, BearerToken replacedSession) {

    @Override
    public String toString() {
        return "PasskeySignInCommand[credentials hidden]";
    }
}

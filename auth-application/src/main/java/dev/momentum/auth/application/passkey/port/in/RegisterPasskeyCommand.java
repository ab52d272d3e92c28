package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.token.BearerToken;

/**
 * @param challenge the challenge cookie's value; null when the client sent none
 * @param response  the browser's RegistrationResponseJSON, as text
 * @param name      the user's label for the passkey, or null
 */
public record RegisterPasskeyCommand(BearerToken session, String challenge, String response, String name) {

    @Override
    public String toString() {
        return "RegisterPasskeyCommand[credentials hidden]";
    }
}

package dev.momentum.auth.application.twofactor.port.in;

import dev.momentum.auth.domain.token.BearerToken;

/**
 * A code by mail for the signed-in user, or for the sign-in challenge the client holds.
 *
 * @param session   null when the client holds none
 * @param challenge null when the client holds none
 */
public record SendSecondFactorCodeCommand(BearerToken session, String challenge) {

    @Override
    public String toString() {
        return "SendSecondFactorCodeCommand[credentials hidden]";
    }
}

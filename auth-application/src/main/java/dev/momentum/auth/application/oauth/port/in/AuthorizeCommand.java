package dev.momentum.auth.application.oauth.port.in;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The parameters of an authorization request as they arrived, any of them missing (null): which are
 * wrong decides whether the refusal may go back to the client, so the use case checks them.
 *
 * @param prompt the {@code prompt} values
 * @param maxAge {@code max_age} in seconds
 * @param resources the {@code resource} parameters (RFC 8707), in order
 */
public record AuthorizeCommand(String clientId, String redirectUri, String responseType, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod, String nonce,
                                   Set<String> prompt, OptionalLong maxAge, List<String> resources) {

    public AuthorizeCommand {
        prompt = Set.copyOf(prompt);
        resources = List.copyOf(resources);
    }
}

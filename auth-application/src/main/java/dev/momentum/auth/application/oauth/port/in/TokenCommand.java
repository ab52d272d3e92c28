package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.PresentedClient;
import java.util.List;

/** A request to the token endpoint, by its grant; fields absent from the form are null. */
public sealed interface TokenCommand {

    PresentedClient client();

    /** The {@code resource} parameters (RFC 8707): the token's audience, within what the grant allows. */
    List<String> resources();

    record CodeExchangeCommand(PresentedClient client, String code, String codeVerifier, String redirectUri,
                               List<String> resources) implements TokenCommand {
        public CodeExchangeCommand {
            resources = List.copyOf(resources);
        }
    }

    record RefreshCommand(PresentedClient client, String refreshToken, String scope, List<String> resources)
            implements TokenCommand {
        public RefreshCommand {
            resources = List.copyOf(resources);
        }
    }

    record ClientCredentialsCommand(PresentedClient client, String scope, List<String> resources)
            implements TokenCommand {
        public ClientCredentialsCommand {
            resources = List.copyOf(resources);
        }
    }
}

package dev.momentum.auth.application.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeCommand;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.oauth.port.in.RegisteredClientResult;
import dev.momentum.auth.application.oauth.port.in.TokenCommand;
import dev.momentum.auth.application.oauth.port.in.TokenResult;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.LabelledAssertions;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Clients that authenticate with assertions signed by their own keys (RFC 7523, {@code private_key_jwt}). */
class PrivateKeyJwtTest {

    static final String KEYS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\",\"crv\":\"P-256\",\"x\":\"…\",\"y\":\"…\"}]}";
    static final String TOKEN_ENDPOINT = "http://localhost:3002/api/auth/oauth2/token";

    final TestAuthService auth = new TestAuthService();

    RegisteredClientResult serviceClient(String jwksUri, String jwks) {
        return OAuthServicesTest.registeredWithToken(auth, new ClientMetadata(List.of(), "Reporting",
                "private_key_jwt", List.of("client_credentials"), List.of(), "mcp:tools", null, null, jwksUri, jwks, List.of()));
    }

    String assertion(String kid, String clientId, String jti) {
        return LabelledAssertions.assertion(kid, clientId, TOKEN_ENDPOINT, jti, auth.clock.instant().plusSeconds(60));
    }

    reactor.core.publisher.Mono<TokenResult> clientCredentials(String clientId, Optional<String> secret,
                                                               Optional<String> assertion) {
        return auth.oauthTokens.token(new TokenCommand.ClientCredentialsCommand(new PresentedClient(clientId, secret,
                assertion), "mcp:tools", List.of()));
    }

    static java.util.function.Predicate<Throwable> invalidClient(String description) {
        return error -> error instanceof OAuthException refused && refused.code() == Code.INVALID_CLIENT
                && refused.description().equals(description);
    }

    @Test
    void tokenWhenTheAssertionIsSignedByAKeyGivenAtRegistrationThenIssuedAndTheAssertionSpent() {
        var client = serviceClient(null, KEYS).client();
        assertThat(client.authentication()).isEqualTo(ClientAuthentication.PRIVATE_KEY_JWT);
        assertThat(client.secretHash()).isEmpty();
        String signed = assertion("k1", client.clientId(), "jti-1");

        StepVerifier.create(clientCredentials(client.clientId(), Optional.empty(), Optional.of(signed)))
                .assertNext(issued -> assertThat(issued.accessToken()).isNotBlank()).verifyComplete();
        StepVerifier.create(clientCredentials(client.clientId(), Optional.empty(), Optional.of(signed)))
                .verifyErrorMatches(invalidClient("the client assertion (jti) was used before"));
        StepVerifier.create(clientCredentials(client.clientId(), Optional.empty(),
                        Optional.of(assertion("k2", client.clientId(), "jti-2"))))
                .verifyErrorMatches(invalidClient("the client assertion is not valid"));
        StepVerifier.create(clientCredentials(client.clientId(), Optional.of("a guessed secret"), Optional.empty()))
                .verifyErrorMatches(invalidClient("client authentication failed"));
        StepVerifier.create(clientCredentials(client.clientId(), Optional.empty(), Optional.empty()))
                .verifyErrorMatches(invalidClient("client authentication failed"));
    }

    @Test
    void tokenWhenAClientWithASecretPresentsAnAssertionThenRefused() {
        var secretive = OAuthServicesTest.registeredWithToken(auth, new ClientMetadata(List.of(), "Secretive",
                "client_secret_basic", List.of("client_credentials"), List.of(), null, null, null, null, null, List.of()));

        StepVerifier.create(clientCredentials(secretive.client().clientId(), secretive.secret(),
                        Optional.of(assertion("k1", secretive.client().clientId(), "jti-1"))))
                .verifyErrorMatches(invalidClient("client authentication failed"));
    }

    @Test
    void tokenWhenTheKeysAreAtAUrlThenFetchedThereForEachAssertion() {
        var client = serviceClient("https://reporting.example.com/jwks.json", null).client();
        auth.clientDocuments.serveKeys(URI.create("https://reporting.example.com/jwks.json"), KEYS);

        StepVerifier.create(clientCredentials(client.clientId(), Optional.empty(),
                Optional.of(assertion("k1", client.clientId(), "jti-1")))).expectNextCount(1).verifyComplete();
        assertThat(auth.clientDocuments.fetches()).containsExactly("https://reporting.example.com/jwks.json");
    }

    @Test
    void codeExchangeWhenAClientKnownByItsDocumentSignsThenIssued() {
        String url = "https://app.example.com/client.json";
        auth.clientDocuments.serve(URI.create(url), new RemoteDocument<>(Optional.of(new ClientMetadataDocument(url,
                Set.of(), new ClientMetadata(List.of(OAuthServicesTest.CALLBACK), "App", "private_key_jwt",
                        List.of(), List.of(), null, null, null, null, KEYS, List.of()))), Duration.ofMinutes(5), Optional.empty()));
        SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");
        var request = new AuthorizeCommand(url, OAuthServicesTest.CALLBACK, "code", "openid", "s",
                OAuthServicesTest.CHALLENGE, "S256", null, Set.of(), OptionalLong.empty(), List.of());
        var coded = (RedirectToClientResult) auth.authorize.consent(request, ada.token(), true, Optional.empty(),
                Optional.empty()).block();

        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.CodeExchangeCommand(new PresentedClient(url,
                        Optional.empty(), Optional.of(assertion("k1", url, "jti-1"))), coded.parameters().get("code"),
                        OAuthServicesTest.VERIFIER, OAuthServicesTest.CALLBACK, List.of())))
                .assertNext(issued -> assertThat(issued.accessToken()).isNotBlank()).verifyComplete();
    }

    @Test
    void registerWhenAKeySigningClientGivesNoKeysOrBothKindsThenRefused() {
        for (var keys : List.of(new String[] {null, null}, new String[] {"https://reporting.example.com/jwks.json", KEYS},
                new String[] {"http://reporting.example.com/jwks.json", null})) {
            StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(
                            List.of(OAuthServicesTest.CALLBACK), "App", "private_key_jwt", List.of(), List.of(), null,
                            null, null, keys[0], keys[1], List.of()), null)))
                    .verifyErrorMatches(error -> error instanceof OAuthException refused
                            && refused.code() == Code.INVALID_CLIENT_METADATA);
        }
    }
}

package dev.momentum.auth.application.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeCommand;
import dev.momentum.auth.application.oauth.port.in.TokenCommand;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clients whose {@code client_id} is the URL of their metadata document (ADR-0053), at the authorization endpoint. */
class DocumentClientsTest {

    static final String URL = "https://app.example.com/oauth/client.json";
    static final String CALLBACK = "http://127.0.0.1:53682/callback";

    final TestAuthService auth = new TestAuthService();
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    static ClientMetadata metadata(String name, String method, List<String> redirectUris) {
        return new ClientMetadata(redirectUris, name, method, List.of("authorization_code", "refresh_token"),
                List.of("code"), null, "https://app.example.com", null, null, null, List.of());
    }

    static RemoteDocument<ClientMetadataDocument> document(String clientId, Set<String> members,
                                                           ClientMetadata metadata, Duration freshFor) {
        return new RemoteDocument<>(Optional.of(new ClientMetadataDocument(clientId, members, metadata)), freshFor,
                Optional.of("\"v1\""));
    }

    void serve(String name, Duration freshFor) {
        auth.clientDocuments.serve(URI.create(URL), document(URL, Set.of("client_id", "client_name", "redirect_uris"),
                metadata(name, null, List.of(CALLBACK)), freshFor));
    }

    static AuthorizeCommand request(String clientId) {
        return new AuthorizeCommand(clientId, CALLBACK, "code", "openid", "st4te", OAuthServicesTest.CHALLENGE, "S256",
                null, Set.of(), OptionalLong.empty(), List.of());
    }

    AuthorizationResult authorize(String clientId) {
        return auth.authorize.authorize(request(clientId), ada.token(), Optional.empty()).block();
    }

    List<SecurityEvent> registrations() {
        return auth.auditTrail.events().stream()
                .filter(event -> event.type() == SecurityEventType.OAUTH_CLIENT_REGISTRATION).toList();
    }

    @Test
    void authorizeWhenTheClientIdIsADocumentsUrlThenItIsFetchedKeptAsAPublicClientAndItsCodeExchanged() {
        serve("Claude", Duration.ofMinutes(10));

        var asked = (ConsentRequiredResult) authorize(URL);

        assertThat(asked.client().name()).isEqualTo("Claude");
        assertThat(asked.redirectHost()).isEqualTo("127.0.0.1");
        OAuthClient kept = auth.oauth.clients.get(URL);
        assertThat(kept.origin()).isEqualTo(OAuthClient.Origin.METADATA_DOCUMENT);
        assertThat(kept.authentication()).isEqualTo(ClientAuthentication.NONE);
        assertThat(kept.secretHash()).isEmpty();
        assertThat(kept.document().orElseThrow().freshUntil()).isEqualTo(auth.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(registrations()).singleElement().satisfies(event -> {
            assertThat(event.succeeded()).isTrue();
            assertThat(event.detail()).startsWith(URL);
        });

        var coded = (RedirectToClientResult) auth.authorize.consent(request(URL), ada.token(), true, Optional.empty(),
                Optional.empty()).block();
        var tokens = auth.oauthTokens.token(new TokenCommand.CodeExchangeCommand(new PresentedClient(URL,
                Optional.empty()), coded.parameters().get("code"), OAuthServicesTest.VERIFIER, CALLBACK, List.of())).block();
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(auth.clientDocuments.fetches()).containsExactly(URL);
    }

    @Test
    void authorizeWhenTheCopyIsFreshThenNotFetchedAgainAndWhenStaleThenRevalidatedByItsEntityTag() {
        serve("Claude", Duration.ofMinutes(10));
        authorize(URL);
        auth.clock.advance(Duration.ofMinutes(9));
        authorize(URL);
        assertThat(auth.clientDocuments.fetches()).containsExactly(URL);

        auth.clientDocuments.serve(URI.create(URL), new RemoteDocument<>(Optional.empty(), Duration.ofMinutes(5),
                Optional.of("\"v1\"")));
        auth.clock.advance(Duration.ofMinutes(2));
        assertThat(authorize(URL)).isInstanceOf(ConsentRequiredResult.class);
        assertThat(auth.clientDocuments.fetches()).containsExactly(URL, URL + " \"v1\"");
        assertThat(auth.oauth.clients.get(URL).document().orElseThrow().freshUntil())
                .isEqualTo(auth.clock.instant().plus(Duration.ofMinutes(5)));

        serve("Claude Desktop", Duration.ofDays(2));
        auth.clock.advance(Duration.ofMinutes(6));
        var renamed = (ConsentRequiredResult) authorize(URL);
        assertThat(renamed.client().name()).isEqualTo("Claude Desktop");
        assertThat(auth.oauth.clients.get(URL).document().orElseThrow().freshUntil())
                .as("an hour at most, whatever the server says")
                .isEqualTo(auth.clock.instant().plus(DocumentClients.LONGEST_FRESHNESS));
    }

    @Test
    void authorizeWhenTheDocumentIsNotAcceptableThenInvalidClientToTheUserAndNothingKept() {
        var refusals = List.of(
                document("https://app.example.com/other.json", Set.of(), metadata("App", null, List.of(CALLBACK)),
                        Duration.ZERO),
                document(URL, Set.of("client_secret"), metadata("App", null, List.of(CALLBACK)), Duration.ZERO),
                document(URL, Set.of(), metadata("App", "client_secret_basic", List.of(CALLBACK)), Duration.ZERO),
                document(URL, Set.of(), metadata(" ", null, List.of(CALLBACK)), Duration.ZERO),
                document(URL, Set.of(), metadata("App", null, List.of()), Duration.ZERO),
                document(URL, Set.of(), metadata("App", null, List.of("javascript:alert(1)")), Duration.ZERO),
                document(URL, Set.of(), new ClientMetadata(List.of(CALLBACK), "App", "private_key_jwt",
                        List.of("client_credentials"), List.of(), null, null, null, "https://app.example.com/jwks", null, List.of()),
                        Duration.ZERO));
        for (var refusal : refusals) {
            auth.clientDocuments.serve(URI.create(URL), refusal);

            assertThat(authorize(URL)).as(refusal.toString()).isInstanceOfSatisfying(UnredirectableResult.class,
                    refused -> assertThat(refused.error()).isEqualTo(Code.INVALID_CLIENT));
        }
        assertThat(auth.oauth.clients).doesNotContainKey(URL);
        assertThat(registrations()).hasSize(refusals.size()).allMatch(event -> !event.succeeded());
    }

    @Test
    void authorizeWhenTheFetchIsRefusedThenInvalidClientSayingWhy() {
        auth.clientDocuments.refuse(URI.create(URL), new OAuthException(Code.INVALID_CLIENT,
                "the metadata document's host is not a public address"));

        assertThat(authorize(URL)).isEqualTo(new UnredirectableResult(Code.INVALID_CLIENT,
                "the metadata document's host is not a public address"));
        assertThat(auth.oauth.clients).isEmpty();
    }

    @Test
    void authorizeWhenTheUrlIsNotAcceptableThenNothingIsFetched() {
        for (String url : List.of("https://app.example.com/a/../client.json", "https://app.example.com/%2E%2E/c.json",
                "https://app.example.com/client.json#x", "https://user@app.example.com/client.json",
                "https://app.example.com", "https://app.example.com/" + "x".repeat(255))) {
            assertThat(authorize(url)).as(url).isInstanceOfSatisfying(UnredirectableResult.class,
                    refused -> assertThat(refused.error()).isEqualTo(Code.INVALID_CLIENT));
        }
        assertThat(authorize("http://app.example.com/client.json")).as("not meant as a document: an unknown client")
                .isEqualTo(new UnredirectableResult(Code.INVALID_REQUEST, "the client is not known"));
        assertThat(auth.clientDocuments.fetches()).isEmpty();
    }

    @Test
    void authorizeWhenAnAdministratorDisabledTheClientThenRefusedWithoutFetching() {
        serve("Claude", Duration.ZERO);
        authorize(URL);
        auth.oauth.update(auth.oauth.clients.get(URL).disabled(true)).block();
        auth.clock.advance(Duration.ofMinutes(1));

        assertThat(authorize(URL)).isInstanceOf(UnredirectableResult.class);
        assertThat(auth.clientDocuments.fetches()).hasSize(1);
    }

    @Test
    void authorizeWhenDocumentsAreTurnedOffThenAUrlIsAnUnknownClient() {
        serve("Claude", Duration.ofMinutes(10));
        var settings = auth.oauthSettings;
        var off = new OAuthSettings(settings.issuer(), settings.scopes(), settings.resources(),
                settings.defaultAudience(), settings.endpoints(), settings.accessTokenLifetime(), settings.codeLifetime(),
                settings.grantLifetime(), settings.idTokenLifetime(), settings.registration(),
                settings.registrationToken(), false);
        var service = new AuthorizeService(new DocumentClients(auth.oauth, auth.clientDocuments, auth.clientRegistration,
                off, auth.events, auth.clock), new ResourceServers(off, auth.oauth), auth.oauth, auth.oauth,
                auth.getSession, auth.tokens, off, auth.events,
                auth.clock);

        assertThat(service.authorize(request(URL), ada.token(), Optional.empty()).block())
                .isEqualTo(new UnredirectableResult(Code.INVALID_REQUEST, "the client is not known"));
        assertThat(auth.clientDocuments.fetches()).isEmpty();
    }
}

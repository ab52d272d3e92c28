package dev.momentum.auth.application.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.SignInRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeCommand;
import dev.momentum.auth.application.oauth.port.in.IntrospectCommand;
import dev.momentum.auth.application.oauth.port.in.IntrospectionResult;
import dev.momentum.auth.application.oauth.port.in.OAuthResourceResult;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.oauth.port.in.RegisteredClientResult;
import dev.momentum.auth.application.oauth.port.in.RevokeTokenCommand;
import dev.momentum.auth.application.oauth.port.in.TokenCommand;
import dev.momentum.auth.application.oauth.port.in.TokenResult;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.application.user.SecondFactorRequirement;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.signing.IdTokenClaims;
import dev.momentum.auth.domain.signing.JwtClaims;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OAuthServicesTest {

    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String CALLBACK = "http://127.0.0.1:53682/callback";

    final TestAuthService auth = new TestAuthService();
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");
    final RegisteredClientResult mcp = register(List.of(CALLBACK, "https://app.example.com/cb"), "none",
            List.of("authorization_code", "refresh_token"));

    RegisteredClientResult register(List<String> redirectUris, String method, List<String> grants) {
        return auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(redirectUris, "MCP client", method, grants,
                List.of(), null, null, null, null, null, List.of()), null)).block();
    }

    /** A confidential client with client credentials, registered with an initial access token. */
    RegisteredClientResult serviceClient(String name, String scope) {
        return registeredWithToken(auth, new ClientMetadata(List.of(), name, "client_secret_basic",
                List.of("client_credentials"), List.of(), scope, null, null, null, null, List.of()));
    }

    /** Registered with an initial access token, so that it may use client credentials. */
    static RegisteredClientResult registeredWithToken(TestAuthService auth, ClientMetadata metadata) {
        String token = "an initial access token of 32 characters";
        var settings = auth.oauthSettings;
        return new ClientRegistrationService(auth.oauth, auth.tokens, new OAuthSettings(settings.issuer(),
                settings.scopes(), settings.resources(), settings.defaultAudience(), settings.endpoints(),
                settings.accessTokenLifetime(), settings.codeLifetime(), settings.grantLifetime(),
                settings.idTokenLifetime(), OAuthSettings.Registration.TOKEN, Optional.of(token), true), auth.events,
                auth.clock).register(new RegisterClientCommand(metadata, token)).block();
    }

    AuthorizeCommand request(String redirectUri, String scope, Set<String> prompt, String... resources) {
        return new AuthorizeCommand(mcp.client().clientId(), redirectUri, "code", scope, "st4te", CHALLENGE, "S256",
                "n0nce", prompt, OptionalLong.empty(), List.of(resources));
    }

    AuthorizeCommand request(String... resources) {
        return request(CALLBACK, "openid mcp:tools", Set.of(), resources);
    }

    AuthorizationResult authorize(AuthorizeCommand request) {
        return auth.authorize.authorize(request, ada.token(), Optional.empty()).block();
    }

    /** Consented, then a code. */
    String code(AuthorizeCommand request) {
        var outcome = (RedirectToClientResult) auth.authorize.consent(request, ada.token(), true, Optional.empty(), Optional.empty())
                .block();
        return outcome.parameters().get("code");
    }

    TokenResult exchange(String code) {
        return auth.oauthTokens.token(new TokenCommand.CodeExchangeCommand(publicClient(), code, VERIFIER, CALLBACK, List.of()))
                .block();
    }

    PresentedClient publicClient() {
        return new PresentedClient(mcp.client().clientId(), Optional.empty());
    }

    static Predicate<Throwable> refused(Code code) {
        return error -> error instanceof OAuthException refusal && refusal.code() == code;
    }

    <T extends JwtClaims> T lastSigned(Class<T> type) {
        return auth.signing.signed.reversed().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void authorizeWhenTheClientOrRedirectUriIsUnknownThenTheUserIsToldAndNothingIsRedirected() {
        var unknown = new AuthorizeCommand("nobody", CALLBACK, "code", null, "s", CHALLENGE, "S256", null, Set.of(),
                OptionalLong.empty(), List.of());
        assertThat(authorize(unknown)).isInstanceOf(UnredirectableResult.class);
        for (String trick : new String[] {CALLBACK + "/../evil", "https://app.example.com/cb.evil.example",
                "https://app.example.com/cb/", "https://evil@app.example.com/cb", "https://app.example.com/%2e%2e/cb",
                "https://app.example.com/cb#fragment", "https://app.example.com.evil.example/cb", "http://localhost:53682/callback"}) {
            assertThat(authorize(request(trick, "openid", Set.of()))).as(trick)
                    .isEqualTo(new UnredirectableResult(Code.INVALID_REQUEST, "redirect_uri is not one the client registered"));
        }
        assertThat(auth.oauth.grants).isEmpty();
    }

    @Test
    void authorizeWhenAParameterIsWrongThenTheErrorGoesBackToTheClientWithItsState() {
        var plain = new AuthorizeCommand(mcp.client().clientId(), CALLBACK, "code", "openid", "st4te", VERIFIER,
                "plain", null, Set.of(), OptionalLong.empty(), List.of());
        var noPkce = new AuthorizeCommand(mcp.client().clientId(), CALLBACK, "code", "openid", "st4te", null, null,
                null, Set.of(), OptionalLong.empty(), List.of());
        var token = new AuthorizeCommand(mcp.client().clientId(), CALLBACK, "token", "openid", "st4te", CHALLENGE,
                "S256", null, Set.of(), OptionalLong.empty(), List.of());

        assertThat(errorOf(authorize(plain))).isEqualTo("invalid_request");
        assertThat(errorOf(authorize(noPkce))).isEqualTo("invalid_request");
        assertThat(errorOf(authorize(token))).isEqualTo("unsupported_response_type");
        assertThat(errorOf(authorize(request(CALLBACK, "openid admin", Set.of())))).isEqualTo("invalid_scope");
        assertThat(errorOf(authorize(request("https://other.example.com/mcp")))).isEqualTo("invalid_target");
        assertThat(((RedirectToClientResult) authorize(plain)).parameters()).containsEntry("state", "st4te");
        assertThat(auth.oauth.grants).isEmpty();
    }

    static String errorOf(AuthorizationResult outcome) {
        return ((RedirectToClientResult) outcome).parameters().get("error");
    }

    @Test
    void authorizeWhenNotSignedInThenSignInOrLoginRequiredForPromptNone() {
        assertThat(auth.authorize.authorize(request(), null, Optional.empty()).block()).isEqualTo(new SignInRequiredResult());
        assertThat(errorOf(auth.authorize.authorize(request(CALLBACK, "openid", Set.of("none")), null, Optional.empty())
                .block())).isEqualTo("login_required");
    }

    @Test
    void authorizeWhenSignedInWithoutConsentThenAskedShowingTheRedirectHostAndOnceConsentedACode() {
        var outcome = authorize(request(TestAuthService.MCP_RESOURCE));

        assertThat(outcome).isInstanceOfSatisfying(ConsentRequiredResult.class, asked -> {
            assertThat(asked.client().clientId()).isEqualTo(mcp.client().clientId());
            assertThat(asked.redirectHost()).isEqualTo("127.0.0.1");
            assertThat(asked.scopes().value()).isEqualTo("mcp:tools openid");
        });
        assertThat(errorOf(authorize(request(CALLBACK, "openid", Set.of("none"))))).isEqualTo("consent_required");

        String code = code(request(TestAuthService.MCP_RESOURCE));

        assertThat(code).hasSizeGreaterThanOrEqualTo(32);
        var again = (RedirectToClientResult) authorize(request(TestAuthService.MCP_RESOURCE));
        assertThat(again.parameters()).containsKeys("code").containsEntry("state", "st4te");
        assertThat(authorize(request(CALLBACK, "openid mcp:tools", Set.of("consent")))).as("prompt=consent asks again")
                .isInstanceOf(ConsentRequiredResult.class);
        assertThat(authorize(request(CALLBACK, "openid mcp:tools offline_access", Set.of())))
                .as("a scope not consented to yet").isInstanceOf(ConsentRequiredResult.class);
        assertThat(auth.auditTrail.events()).extracting(event -> event.type())
                .contains(SecurityEventType.OAUTH_CONSENT, SecurityEventType.OAUTH_AUTHORIZATION);
    }

    @Test
    void consentWhenDeclinedThenAccessDeniedToTheClientAndWhenNarrowedOnlyThoseScopes() {
        var declined = (RedirectToClientResult) auth.authorize.consent(request(), ada.token(), false, Optional.empty(),
                Optional.empty()).block();
        assertThat(declined.parameters()).containsEntry("error", "access_denied").containsEntry("state", "st4te");

        var narrowed = (RedirectToClientResult) auth.authorize.consent(request(), ada.token(), true, Optional.of("openid"),
                Optional.empty()).block();
        exchange(narrowed.parameters().get("code"));
        assertThat(lastSigned(AccessTokenClaims.class).scopes().value()).isEqualTo("openid");
        assertThat(errorOf(auth.authorize.consent(request(), ada.token(), true, Optional.of("openid admin"),
                Optional.empty()).block())).isEqualTo("invalid_scope");
    }

    @Test
    void authorizeWhenTheSessionMayOnlyEnrolASecondFactorThenAccessDeniedRatherThanAnotherSignIn() {
        var enrolFirst = new AuthorizeService(new DocumentClients(auth.oauth, auth.clientDocuments,
                auth.clientRegistration, auth.oauthSettings, auth.events, auth.clock), auth.resourceServers, auth.oauth,
                auth.oauth,
                new GetSessionService(auth.sessions,
                auth.policy.sessionLifetime(), new SecondFactorRequirement(SecondFactorRequirement.Scope.ALL,
                        auth.admins), auth.clock), auth.tokens, auth.oauthSettings, auth.events, auth.clock);

        var outcome = enrolFirst.authorize(request(), ada.token(), Optional.empty()).block();

        assertThat(((RedirectToClientResult) outcome).parameters()).containsEntry("error", "access_denied");
        assertThat(auth.oauth.grants).isEmpty();
    }

    @Test
    void authorizeWhenPromptLoginOrMaxAgeThenOnlyASignInSinceTheRequestWasSentCounts() {
        code(request());
        var login = request(CALLBACK, "openid mcp:tools", Set.of("login"));
        assertThat(authorize(login)).isEqualTo(new SignInRequiredResult());
        assertThat(auth.authorize.authorize(login, ada.token(), Optional.of(ada.session().createdAt().minusSeconds(5)))
                .block()).isInstanceOf(RedirectToClientResult.class);
        assertThat(auth.authorize.authorize(login, ada.token(), Optional.of(ada.session().createdAt().plusSeconds(60)))
                .block()).as("signed in before the request was sent").isEqualTo(new SignInRequiredResult());

        auth.clock.advance(Duration.ofMinutes(10));
        var maxAge = new AuthorizeCommand(mcp.client().clientId(), CALLBACK, "code", "openid mcp:tools", "s",
                CHALLENGE, "S256", null, Set.of(), OptionalLong.of(300), List.of());
        assertThat(authorize(maxAge)).isEqualTo(new SignInRequiredResult());
    }

    @Test
    void tokenWhenTheCodeIsExchangedThenAnAccessTokenForTheResourceARefreshTokenAndAnIdToken() {
        TokenResult tokens = exchange(code(request(TestAuthService.MCP_RESOURCE)));

        AccessTokenClaims access = lastSigned(AccessTokenClaims.class);
        assertThat(access.audience()).containsExactly(TestAuthService.MCP_RESOURCE);
        assertThat(access.subject()).isEqualTo(ada.user().id().value());
        assertThat(access.clientId()).isEqualTo(mcp.client().clientId());
        assertThat(access.issuer()).isEqualTo("http://localhost:3002");
        assertThat(Duration.between(access.issuedAt(), access.expiresAt())).isEqualTo(Duration.ofMinutes(15));
        IdTokenClaims id = lastSigned(IdTokenClaims.class);
        assertThat(id.clientId()).isEqualTo(mcp.client().clientId());
        assertThat(id.nonce()).contains("n0nce");
        assertThat(id.authTime()).isEqualTo(ada.session().createdAt());
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.idToken()).isPresent();
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void tokenWhenNoResourceWasAskedForThenTheTokenIsOnlyForUserinfo() {
        exchange(code(request()));

        assertThat(lastSigned(AccessTokenClaims.class).audience())
                .containsExactly("http://localhost:3002/api/auth/oauth2/userinfo");
    }

    @Test
    void tokenWhenTheCodeIsReplayedThenRefusedAndTheGrantItGaveEnds() {
        String code = code(request(TestAuthService.MCP_RESOURCE));
        TokenResult first = exchange(code);
        int signed = auth.signing.signatures.get();

        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.CodeExchangeCommand(publicClient(), code, VERIFIER, CALLBACK,
                List.of()))).verifyErrorMatches(refused(Code.INVALID_GRANT));
        StepVerifier.create(refresh(first.refreshToken().orElseThrow(), null))
                .verifyErrorMatches(refused(Code.INVALID_GRANT));
        assertThat(auth.signing.signatures.get()).as("nothing issued").isEqualTo(signed);
        assertThat(auth.auditTrail.events()).extracting(event -> event.type())
                .contains(SecurityEventType.OAUTH_GRANT_REVOCATION);
    }

    @Test
    void tokenWhenTheVerifierRedirectUriOrClientDoesNotMatchThenInvalidGrantAndTheCodeIsSpent() {
        RegisteredClientResult other = register(List.of(CALLBACK), "none", List.of("authorization_code"));
        String[] codes = {code(request()), code(request()), code(request())};
        int signed = auth.signing.signatures.get();

        for (TokenCommand wrong : List.of(
                new TokenCommand.CodeExchangeCommand(publicClient(), codes[0], VERIFIER.replace('d', 'e'), CALLBACK, List.of()),
                new TokenCommand.CodeExchangeCommand(publicClient(), codes[1], VERIFIER, "https://app.example.com/cb", List.of()),
                new TokenCommand.CodeExchangeCommand(new PresentedClient(other.client().clientId(), Optional.empty()), codes[2],
                        VERIFIER, CALLBACK, List.of()))) {
            StepVerifier.create(auth.oauthTokens.token(wrong)).verifyErrorMatches(refused(Code.INVALID_GRANT));
        }
        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.CodeExchangeCommand(publicClient(), codes[0], VERIFIER,
                CALLBACK, List.of()))).verifyErrorMatches(refused(Code.INVALID_GRANT));
        assertThat(auth.signing.signatures.get()).isEqualTo(signed);
    }

    Mono<TokenResult> refresh(String token, String resource) {
        return auth.oauthTokens.token(new TokenCommand.RefreshCommand(publicClient(), token, null,
                resource == null ? List.of() : List.of(resource)));
    }

    @Test
    void tokenWhenRefreshedThenANewPairAndTheOldRefreshTokenReplayedEndsTheGrant() {
        TokenResult first = exchange(code(request(TestAuthService.MCP_RESOURCE)));

        TokenResult second = refresh(first.refreshToken().orElseThrow(), null).block();

        assertThat(second.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(second.idToken()).isEmpty();
        assertThat(lastSigned(AccessTokenClaims.class).audience()).containsExactly(TestAuthService.MCP_RESOURCE);
        StepVerifier.create(refresh(first.refreshToken().orElseThrow(), null))
                .verifyErrorMatches(refused(Code.INVALID_GRANT));
        StepVerifier.create(refresh(second.refreshToken().orElseThrow(), null))
                .as("the grant has ended").verifyErrorMatches(refused(Code.INVALID_GRANT));
    }

    @Test
    void tokenWhenARefreshAsksForAnotherResourceOrMoreScopeThenRefusedAndTheRefreshTokenStillWorks() {
        TokenResult first = exchange(code(request(TestAuthService.MCP_RESOURCE)));
        String token = first.refreshToken().orElseThrow();

        StepVerifier.create(refresh(token, "https://other.example.com/mcp"))
                .verifyErrorMatches(refused(Code.INVALID_TARGET));
        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.RefreshCommand(publicClient(), token, "openid profile",
                List.of()))).verifyErrorMatches(refused(Code.INVALID_SCOPE));

        assertThat(refresh(token, TestAuthService.MCP_RESOURCE).block().accessToken()).isNotBlank();
    }

    @Test
    void tokenWhenClientCredentialsThenOnlyAConfidentialClientWithItsSecretGetsATokenForItself() {
        var service = auth.clientRegistration;
        var confidential = serviceClient("Backend", "mcp:tools");
        String secret = confidential.secret().orElseThrow();

        auth.oauthTokens.token(new TokenCommand.ClientCredentialsCommand(new PresentedClient(confidential.client().clientId(),
                Optional.of(secret)), "mcp:tools", List.of(TestAuthService.MCP_RESOURCE))).block();

        AccessTokenClaims access = lastSigned(AccessTokenClaims.class);
        assertThat(access.subject()).isEqualTo(confidential.client().clientId());
        assertThat(access.audience()).containsExactly(TestAuthService.MCP_RESOURCE);
        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.ClientCredentialsCommand(new PresentedClient(
                        confidential.client().clientId(), Optional.of(secret + "x")), "mcp:tools", List.of())))
                .verifyErrorMatches(refused(Code.INVALID_CLIENT));
        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.ClientCredentialsCommand(publicClient(), null, List.of())))
                .verifyErrorMatches(refused(Code.UNAUTHORIZED_CLIENT));
        StepVerifier.create(service.register(new RegisterClientCommand(new ClientMetadata(List.of(), "Anyone", "client_secret_basic",
                        List.of("client_credentials"), List.of(), null, null, null, null, null, List.of()), null)))
                .as("open registration grants no service identity").verifyErrorMatches(refused(Code.INVALID_CLIENT_METADATA));
    }

    @Test
    void registerWhenTheMetadataIsWrongThenRefusedWithTheRfcsCodes() {
        StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of("http://app.example.com/cb"),
                "x", "none", List.of(), List.of(), null, null, null, null, null, List.of()), null)))
                .verifyErrorMatches(refused(Code.INVALID_REDIRECT_URI));
        StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of(), "x", "none", List.of(),
                List.of(), null, null, null, null, null, List.of()), null))).verifyErrorMatches(refused(Code.INVALID_REDIRECT_URI));
        StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of(CALLBACK), "x",
                "private_key_jwt", List.of(), List.of(), null, null, null, null, null, List.of()), null)))
                .verifyErrorMatches(refused(Code.INVALID_CLIENT_METADATA));
        StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of(CALLBACK), "x", "none",
                List.of("implicit"), List.of(), null, null, null, null, null, List.of()), null)))
                .verifyErrorMatches(refused(Code.INVALID_CLIENT_METADATA));
        StepVerifier.create(auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of(CALLBACK), "x", "none",
                List.of(), List.of(), null, "javascript:alert(1)", null, null, null, List.of()), null)))
                .verifyErrorMatches(refused(Code.INVALID_CLIENT_METADATA));
        var defaults = auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(List.of(CALLBACK), null, null, List.of(),
                List.of(), null, null, null, null, null, List.of()), null)).block();
        assertThat(defaults.secret()).as("client_secret_basic by default (RFC 7591)").isPresent();
        assertThat(defaults.client().secretHash()).isPresent();
    }

    @Test
    void registerWhenClosedThenAccessDenied() {
        var closed = new ClientRegistrationService(auth.oauth, auth.tokens, new OAuthSettings(
                auth.oauthSettings.issuer(), auth.oauthSettings.scopes(), List.of(), "x", "http://localhost:3002/api/auth/oauth2", Duration.ofMinutes(15),
                OAuthSettings.CODE_LIFETIME, Duration.ofDays(30), Duration.ofMinutes(15),
                OAuthSettings.Registration.CLOSED, Optional.empty(), true), auth.events, auth.clock);

        StepVerifier.create(closed.register(new RegisterClientCommand(new ClientMetadata(List.of(CALLBACK), "x", "none", List.of(), List.of(),
                null, null, null, null, null, List.of()), null))).verifyErrorMatches(refused(Code.ACCESS_DENIED));
    }

    @Test
    void revokeWhenTheClientShowsItsRefreshTokenThenItsGrantEndsAndAnythingElseChangesNothing() {
        TokenResult first = exchange(code(request(TestAuthService.MCP_RESOURCE)));
        TokenResult kept = exchange(code(request(TestAuthService.MCP_RESOURCE)));
        RegisteredClientResult other = register(List.of(CALLBACK), "none", List.of("authorization_code"));

        auth.oauthTokens.revoke(new RevokeTokenCommand(new PresentedClient(other.client().clientId(), Optional.empty()),
                first.refreshToken().orElseThrow())).block();
        auth.oauthTokens.revoke(new RevokeTokenCommand(publicClient(), "not a token")).block();
        assertThat(refresh(first.refreshToken().orElseThrow(), null).block()).as("another client's revocation is ignored")
                .isNotNull();

        auth.oauthTokens.revoke(new RevokeTokenCommand(publicClient(), kept.refreshToken().orElseThrow())).block();

        StepVerifier.create(refresh(kept.refreshToken().orElseThrow(), null))
                .verifyErrorMatches(refused(Code.INVALID_GRANT));
        StepVerifier.create(auth.oauthTokens.revoke(new RevokeTokenCommand(new PresentedClient("nobody",
                Optional.of("secret")), "x"))).verifyErrorMatches(refused(Code.INVALID_CLIENT));
    }

    @Test
    void consentsWhenListedAndWithdrawnThenTheGrantsToThatClientEndAndItAsksAgain() {
        TokenResult tokens = exchange(code(request(TestAuthService.MCP_RESOURCE)));

        var listed = auth.consents.consents(ada.token()).block();

        assertThat(listed).singleElement().satisfies(consent -> {
            assertThat(consent.clientId()).isEqualTo(mcp.client().clientId());
            assertThat(consent.clientName()).isEqualTo("MCP client");
            assertThat(consent.scopes().value()).isEqualTo("mcp:tools openid");
        });
        auth.consents.withdraw(ada.token(), mcp.client().clientId()).block();
        StepVerifier.create(refresh(tokens.refreshToken().orElseThrow(), null))
                .verifyErrorMatches(refused(Code.INVALID_GRANT));
        assertThat(authorize(request())).isInstanceOf(ConsentRequiredResult.class);
        StepVerifier.create(auth.consents.withdraw(ada.token(), mcp.client().clientId()))
                .verifyErrorMatches(AuthErrors.is(AuthError.NOT_FOUND));
        StepVerifier.create(auth.consents.consents(null)).verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
    }

    /** The admin API's service, with this user the one administrator. */
    OAuthAdministrationService administrationBy(SessionResult administrator) {
        return new OAuthAdministrationService(new Administrators(auth.users,
                new AdminPolicy(Set.of(administrator.user().email()))), auth.oauth, auth.oauth, auth.clientRegistration,
                auth.resourceServers, auth.oauth, auth.tokens, auth.events, auth.clock);
    }

    @Test
    void resourcesWhenAnAdministratorAddsOneThenTokensMayBeForItUntilItIsRemoved() {
        SessionResult boss = auth.signUpVerifyAndSignIn("boss@example.com");
        var admin = administrationBy(boss);
        UserId bossId = boss.user().id();
        String added = "https://reports.example.com/mcp";
        assertThat(errorOf(authorize(request(added)))).isEqualTo("invalid_target");

        admin.addResource(bossId, added).block();

        assertThat(admin.resources(bossId).block()).containsExactly(
                new OAuthResourceResult(TestAuthService.MCP_RESOURCE, true), new OAuthResourceResult(added, false));
        exchange(code(request(added)));
        assertThat(lastSigned(AccessTokenClaims.class).audience()).containsExactly(added);
        StepVerifier.create(admin.addResource(bossId, added)).verifyErrorMatches(AuthErrors.is(AuthError.CONFLICT));
        StepVerifier.create(admin.addResource(bossId, "https://reports.example.com/mcp#x"))
                .verifyErrorMatches(AuthErrors.is(AuthError.VALIDATION_ERROR));
        StepVerifier.create(admin.removeResource(bossId, TestAuthService.MCP_RESOURCE))
                .as("configured by OAUTH_RESOURCES").verifyErrorMatches(AuthErrors.is(AuthError.CONFLICT));
        StepVerifier.create(admin.addResource(ada.user().id(), "https://other.example.com/mcp"))
                .verifyErrorMatches(AuthErrors.is(AuthError.FORBIDDEN));

        admin.removeResource(bossId, added).block();

        assertThat(errorOf(authorize(request(added)))).isEqualTo("invalid_target");
        StepVerifier.create(admin.removeResource(bossId, added)).verifyErrorMatches(AuthErrors.is(AuthError.NOT_FOUND));
        assertThat(auth.auditTrail.events()).filteredOn(event -> event.type() == SecurityEventType.OAUTH_RESOURCE_CHANGE)
                .extracting(event -> event.detail()).containsExactly(added + " added", added + " removed");
    }

    @Test
    void administrationWhenAnAdministratorThenClientsAreCreatedRotatedDisabledDeletedAndGrantsRevoked() {
        SessionResult boss = auth.signUpVerifyAndSignIn("boss@example.com");
        var admin = administrationBy(boss);
        UserId bossId = boss.user().id();
        StepVerifier.create(admin.clients(ada.user().id())).verifyErrorMatches(AuthErrors.is(AuthError.FORBIDDEN));

        var service = admin.create(bossId, new RegisterClientCommand(new ClientMetadata(List.of(), "Reporting", "client_secret_basic",
                List.of("client_credentials"), List.of(), "mcp:tools", null, null, null, null, List.of()), null)).block();
        var rotated = admin.rotateSecret(bossId, service.client().clientId()).block();

        assertThat(service.client().origin()).isEqualTo(OAuthClient.Origin.ADMINISTRATOR);
        assertThat(rotated.secret()).isPresent().isNotEqualTo(service.secret());
        StepVerifier.create(auth.oauthTokens.token(new TokenCommand.ClientCredentialsCommand(new PresentedClient(
                        service.client().clientId(), service.secret()), "mcp:tools", List.of())))
                .as("the old secret").verifyErrorMatches(refused(Code.INVALID_CLIENT));
        StepVerifier.create(admin.rotateSecret(bossId, mcp.client().clientId()))
                .as("a public client has no secret").verifyErrorMatches(AuthErrors.is(AuthError.CONFLICT));

        TokenResult tokens = exchange(code(request()));
        assertThat(admin.revokeGrants(bossId, Optional.of(ada.user().id()), Optional.empty()).block()).isEqualTo(1);
        StepVerifier.create(refresh(tokens.refreshToken().orElseThrow(), null))
                .verifyErrorMatches(refused(Code.INVALID_GRANT));

        admin.setDisabled(bossId, mcp.client().clientId(), true).block();
        assertThat(authorize(request())).isInstanceOf(UnredirectableResult.class);
        admin.delete(bossId, service.client().clientId()).block();
        assertThat(admin.clients(bossId).block()).extracting(OAuthClient::clientId)
                .containsExactly(mcp.client().clientId());
        StepVerifier.create(admin.delete(bossId, "nobody")).verifyErrorMatches(AuthErrors.is(AuthError.NOT_FOUND));
        assertThat(auth.auditTrail.events()).filteredOn(event -> event.type()
                == SecurityEventType.OAUTH_CLIENT_REGISTRATION && bossId.equals(event.actorId()))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void introspectWhenAServiceAsksThenActiveWhileTheUserAndClientAreAndRefreshTokensOnlyToTheirClient() {
        var service = serviceClient("Resource server", null);
        var caller = new PresentedClient(service.client().clientId(), service.secret());
        TokenResult tokens = exchange(code(request(TestAuthService.MCP_RESOURCE)));
        AccessTokenClaims access = lastSigned(AccessTokenClaims.class);

        var active = auth.oauthTokens.introspect(new IntrospectCommand(caller, tokens.accessToken(),
                Optional.of(access))).block();

        assertThat(active.active()).isTrue();
        assertThat(active.subject()).isEqualTo(ada.user().id().value());
        assertThat(active.clientId()).isEqualTo(mcp.client().clientId());
        assertThat(active.audience()).containsExactly(TestAuthService.MCP_RESOURCE);
        assertThat(auth.oauthTokens.introspect(new IntrospectCommand(caller, tokens.refreshToken().orElseThrow(),
                Optional.empty())).block().active()).as("another client's refresh token").isFalse();
        assertThat(auth.oauthTokens.introspect(new IntrospectCommand(caller, "junk", Optional.empty())).block())
                .isEqualTo(IntrospectionResult.INACTIVE);
        StepVerifier.create(auth.oauthTokens.introspect(new IntrospectCommand(publicClient(), "junk",
                Optional.empty()))).verifyErrorMatches(refused(Code.INVALID_CLIENT));

        auth.users.users.computeIfPresent(ada.user().id(), (id, user) -> new User(user.id(), user.name(),
                user.email(), user.emailVerified(), user.image(), user.createdAt(), user.updatedAt(), user.role(),
                true, user.twoFactorEnabled()));

        assertThat(auth.oauthTokens.introspect(new IntrospectCommand(caller, tokens.accessToken(),
                Optional.of(access))).block().active()).as("the user is disabled").isFalse();
    }
}

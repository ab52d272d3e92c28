package dev.momentum.auth.adapter.web.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.OwnTokens;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.SignInRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeCommand;
import dev.momentum.auth.application.oauth.port.in.AuthorizeUseCase;
import dev.momentum.auth.application.oauth.port.in.IntrospectCommand;
import dev.momentum.auth.application.oauth.port.in.IntrospectTokenUseCase;
import dev.momentum.auth.application.oauth.port.in.IntrospectionResult;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.application.oauth.port.in.RegisterClientUseCase;
import dev.momentum.auth.application.oauth.port.in.RevokeTokenCommand;
import dev.momentum.auth.application.oauth.port.in.RevokeTokenUseCase;
import dev.momentum.auth.application.oauth.port.in.TokenCommand;
import dev.momentum.auth.application.oauth.port.in.TokenResult;
import dev.momentum.auth.application.oauth.port.in.TokenUseCase;
import dev.momentum.auth.application.oauth.port.in.UserInfoQuery;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OAuth 2.1 and OpenID Connect endpoints under better-auth oauth-provider's paths (ADR-0051).
 * The protocol's forms and client authentication are parsed by Nimbus's OAuth SDK; what they ask
 * for is the use cases' to decide.
 */
@RestController
public final class OAuthController {

    static final String OAUTH2 = AuthApiSettings.BASE_PATH + "/oauth2";
    /** How long a page holds a signed request: as long as better-auth's, its code lifetime. */
    static final Duration SIGNED_QUERY_LIFETIME = Duration.ofMinutes(10);

    private final AuthorizeUseCase authorize;
    private final TokenUseCase tokens;
    private final RegisterClientUseCase registration;
    private final UserInfoQuery userInfo;
    private final SessionCredentials credentials;
    private final SignedOAuthQuery signedQueries;
    private final AuthorizationRedirects redirects;
    private final OAuthTermsQuery terms;
    private final URI tokenEndpoint;
    private final URI revocationEndpoint;
    private final RevokeTokenUseCase revocations;
    private final URI introspectionEndpoint;
    private final IntrospectTokenUseCase introspections;
    private final ReactiveJwtDecoder accessTokens;

    OAuthController(AuthorizeUseCase authorize, TokenUseCase tokens, RevokeTokenUseCase revocations,
                    IntrospectTokenUseCase introspections, RegisterClientUseCase registration,
                    UserInfoQuery userInfo, SessionCredentials credentials, SessionCookieCodec cookies,
                    OAuthPages pages, OAuthTermsQuery oauthTerms, AuthApiSettings api, PublishedKeysQuery keys,
                    TokenTermsQuery tokenTerms) {
        this.authorize = authorize;
        this.tokens = tokens;
        this.registration = registration;
        this.userInfo = userInfo;
        this.credentials = credentials;
        this.signedQueries = new SignedOAuthQuery(cookies, SIGNED_QUERY_LIFETIME);
        this.terms = oauthTerms;
        this.redirects = new AuthorizationRedirects(pages, signedQueries, oauthTerms.issuer());
        this.tokenEndpoint = URI.create(api.authBaseUrl() + "/oauth2/token");
        this.revocationEndpoint = URI.create(api.authBaseUrl() + "/oauth2/revoke");
        this.revocations = revocations;
        this.introspectionEndpoint = URI.create(api.authBaseUrl() + "/oauth2/introspect");
        this.introspections = introspections;
        this.accessTokens = OwnTokens.accessTokenDecoder(keys, tokenTerms);
    }

    @GetMapping(OAUTH2 + "/authorize")
    Mono<ResponseEntity<Object>> authorize(ServerWebExchange exchange) {
        return authorizeWith(exchange, SignedOAuthQuery.decoded(Optional.ofNullable(
                exchange.getRequest().getURI().getRawQuery()).orElse("")));
    }

    @PostMapping(path = OAUTH2 + "/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Object>> authorizeByForm(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> authorizeWith(exchange, entries(form)));
    }

    /**
     * A request that comes back from the sign-in page carries its signature: then it is the signed
     * request, unaltered, and a session begun since it was signed counts as a fresh sign-in.
     */
    private Mono<ResponseEntity<Object>> authorizeWith(ServerWebExchange exchange,
                                                       List<Map.Entry<String, String>> parameters) {
        Instant now = Instant.now();
        Optional<SignedOAuthQuery.Verified> signed = Optional.empty();
        if (parameters.stream().anyMatch(parameter -> SignedOAuthQuery.SIGNATURE.equals(parameter.getKey()))) {
            signed = signedQueries.verify(SignedOAuthQuery.encoded(parameters), now);
            if (signed.isEmpty()) {
                return Mono.error(new OAuthException(Code.INVALID_REQUEST, "the signed request is altered or expired"));
            }
        }
        List<Map.Entry<String, String>> request = signed.map(SignedOAuthQuery.Verified::request).orElse(parameters);
        return authorize.authorize(requestOf(request), credentials.token(exchange.getRequest()).orElse(null),
                        signed.map(SignedOAuthQuery.Verified::issuedAt))
                .map(outcome -> respond(exchange, outcome, request, now));
    }

    /** better-auth's consent endpoint: the page's answer, with the signed request it was given. */
    @PostMapping(OAUTH2 + "/consent")
    Mono<ResponseEntity<Object>> consent(@RequestBody ConsentAnswer answer, ServerWebExchange exchange) {
        Instant now = Instant.now();
        SignedOAuthQuery.Verified signed = signedQueries.verify(answer.oauth_query(), now)
                .orElseThrow(() -> new OAuthException(Code.INVALID_REQUEST, "oauth_query is altered or expired"));
        return authorize.consent(requestOf(signed.request()), credentials.token(exchange.getRequest()).orElse(null),
                        Boolean.TRUE.equals(answer.accept()), Optional.ofNullable(answer.scope()),
                        Optional.of(signed.issuedAt()))
                .map(outcome -> outcome instanceof UnredirectableResult refused ? AuthorizationRedirects.refusedToUser(refused)
                        : redirectAsJson(redirects.urlOf(outcome, signed.request(), now)));
    }

    record ConsentAnswer(Boolean accept, String scope, String oauth_query) {
    }

    @PostMapping(path = OAUTH2 + "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData()
                .doOnNext(OAuthController::refuseUnknownGrantType)
                .then(parsedForm(exchange, tokenEndpoint, com.nimbusds.oauth2.sdk.TokenRequest::parse))
                .map(OAuthController::tokenCommandOf)
                .flatMap(tokens::token)
                .map(result -> noStore(HttpStatus.OK).body(tokenResponse(result)));
    }

    /** RFC 7009: 200 with no body whether or not the token was one, once the client is who it says. */
    @PostMapping(path = OAUTH2 + "/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> revoke(ServerWebExchange exchange) {
        return parsedForm(exchange, revocationEndpoint, TokenRevocationRequest::parse)
                .map(parsed -> new RevokeTokenCommand(presentedClient(parsed.getClientAuthentication(),
                        parsed.getClientID()), parsed.getToken().getValue()))
                .flatMap(revocations::revoke)
                .then(Mono.fromSupplier(() -> noStore(HttpStatus.OK).<Void>build()));
    }

    /** RFC 7662, for clients with a secret: {@code {active: false}} for anything not good, never an error. */
    @PostMapping(path = OAUTH2 + "/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> introspect(ServerWebExchange exchange) {
        return parsedForm(exchange, introspectionEndpoint, TokenIntrospectionRequest::parse)
                .flatMap(parsed -> {
                    String token = parsed.getToken().getValue();
                    return accessTokens.decode(token).map(OAuthController::accessTokenClaimsOf)
                            .onErrorResume(notOurs -> Mono.just(Optional.empty()))
                            .flatMap(claims -> introspections.introspect(new IntrospectCommand(
                                    presentedClient(parsed.getClientAuthentication(), null), token, claims)));
                })
                .map(result -> noStore(HttpStatus.OK).body(introspectionOf(result)));
    }

    /** The claims of a verified access token; empty when one the use cases need is missing. */
    private static Optional<AccessTokenClaims> accessTokenClaimsOf(Jwt jwt) {
        try {
            return Optional.of(new AccessTokenClaims(jwt.getIssuer().toString(), jwt.getSubject(), jwt.getAudience(),
                    jwt.getClaimAsString("client_id"), Scopes.parse(jwt.getClaimAsString("scope")).orElse(Scopes.NONE),
                    jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getId()));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    private Map<String, Object> introspectionOf(IntrospectionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", result.active());
        if (result.active()) {
            if ("access_token".equals(result.tokenType())) {
                body.put("token_type", "Bearer");
            }
            body.put("client_id", result.clientId());
            body.put("sub", result.subject());
            body.put("scope", result.scopes().value());
            body.put("aud", result.audience());
            body.put("iss", terms.issuer());
            result.issuedAt().ifPresent(at -> body.put("iat", at.getEpochSecond()));
            body.put("exp", result.expiresAt().getEpochSecond());
        }
        return body;
    }

    @PostMapping(OAUTH2 + "/register")
    Mono<ResponseEntity<Map<String, Object>>> register(@RequestBody Map<String, Object> metadata,
                                                       ServerWebExchange exchange) {
        return registration.register(ClientMetadataJson.commandOf(metadata, bearer(exchange).orElse(null)))
                .map(registered -> noStore(HttpStatus.CREATED).body(ClientMetadataJson.registered(registered)));
    }

    @GetMapping(OAUTH2 + "/userinfo")
    Mono<ResponseEntity<Map<String, Object>>> userinfo(ServerWebExchange exchange) {
        return Mono.justOrEmpty(bearer(exchange))
                .switchIfEmpty(Mono.error(() -> new OAuthException(Code.INVALID_TOKEN, "a bearer token is required")))
                .flatMap(token -> accessTokens.decode(token)
                        .onErrorMap(invalid -> !(invalid instanceof OAuthException),
                                invalid -> new OAuthException(Code.INVALID_TOKEN, "the access token is not valid")))
                .flatMap(this::userInfoOf)
                .map(claims -> noStore(HttpStatus.OK).body(claims));
    }

    @PostMapping(path = OAUTH2 + "/userinfo", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> userinfoByPost(ServerWebExchange exchange) {
        return userinfo(exchange);
    }

    private Mono<Map<String, Object>> userInfoOf(Jwt token) {
        Scopes scopes = Scopes.parse(token.getClaimAsString("scope")).orElse(Scopes.NONE);
        if (!scopes.contains(Scopes.OPENID)) {
            return Mono.error(new OAuthException(Code.INVALID_TOKEN, "the access token was not issued for openid"));
        }
        return userInfo.userInfo(token.getSubject()).map(user -> claimsOf(user, scopes));
    }

    /** OpenID Connect Core section 5.1's claims, as the scopes allow them. */
    static Map<String, Object> claimsOf(User user, Scopes scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().value());
        if (scopes.contains("profile")) {
            claims.put("name", user.name());
            if (user.image() != null) {
                claims.put("picture", user.image());
            }
            claims.put("updated_at", user.updatedAt().getEpochSecond());
        }
        if (scopes.contains("email")) {
            claims.put("email", user.email().value());
            claims.put("email_verified", user.emailVerified());
        }
        return claims;
    }

    private ResponseEntity<Object> respond(ServerWebExchange exchange, AuthorizationResult outcome,
                                           List<Map.Entry<String, String>> request, Instant now) {
        if (outcome instanceof UnredirectableResult refused) {
            return AuthorizationRedirects.refusedToUser(refused);
        }
        String url = redirects.urlOf(outcome, request, now);
        return fromFetch(exchange) ? redirectAsJson(url)
                : ResponseEntity.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore())
                        .location(URI.create(url)).build();
    }


    /** RFC 9207: every authorization response says who answered it. */
    static String withIssuer(Map<String, String> parameters, String issuer) {
        List<Map.Entry<String, String>> all = new ArrayList<>(parameters.entrySet());
        all.add(Map.entry("iss", issuer));
        return SignedOAuthQuery.encoded(all);
    }

    static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    /**
     * A script's request (better-auth's client fetches) gets the redirect to follow as JSON, a
     * navigation a 302: a script asks for JSON, or is not a navigation and does not ask for HTML.
     */
    private static boolean fromFetch(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<MediaType> accepted = headers.getAccept();
        String mode = headers.getFirst("Sec-Fetch-Mode");
        return accepted.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
                || mode != null && !"navigate".equalsIgnoreCase(mode)
                        && accepted.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
    }

    static ResponseEntity<Object> redirectAsJson(String url) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(redirectBody(url));
    }

    /** better-auth's answer to a fetch that would have been redirected. */
    static Map<String, Object> redirectBody(String url) {
        return Map.of("redirect", true, "url", url);
    }

    static AuthorizeCommand requestOf(List<Map.Entry<String, String>> parameters) {
        Map<String, String> first = SignedOAuthQuery.firstValues(parameters);
        String maxAge = first.get("max_age");
        return new AuthorizeCommand(first.get("client_id"), first.get("redirect_uri"), first.get("response_type"),
                first.get("scope"), first.get("state"), first.get("code_challenge"), first.get("code_challenge_method"),
                first.get("nonce"),
                first.get("prompt") == null ? Set.of() : Set.of(first.get("prompt").trim().split(" +")),
                maxAge == null ? OptionalLong.empty() : OptionalLong.of(maxAgeOf(maxAge)),
                parameters.stream().filter(parameter -> "resource".equals(parameter.getKey()))
                        .map(Map.Entry::getValue).toList());
    }

    /** Seconds; anything else asks for a sign-in now rather than an error the user cannot act on. */
    private static long maxAgeOf(String value) {
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }

    /** RFC 6749 section 5.2: a grant type we do not serve is that, before anything else the form lacks. */
    private static void refuseUnknownGrantType(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        if (grantType != null && GrantType.ofWireName(grantType).isEmpty()) {
            throw new OAuthException(Code.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be authorization_code, refresh_token or client_credentials");
        }
    }

    /** One of Nimbus's request parsers, which refuse with the RFC's error. */
    private interface NimbusParser<T> {
        T parse(HTTPRequest request) throws ParseException;
    }

    /** The form, with its {@code Authorization} header, as the parser reads it; its refusals as ours. */
    private static <T> Mono<T> parsedForm(ServerWebExchange exchange, URI endpoint, NimbusParser<T> parser) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return exchange.getFormData().map(form -> {
            try {
                return parser.parse(formRequest(endpoint, form, authorization));
            } catch (ParseException refused) {
                throw refusalOf(refused);
            }
        });
    }

    /** The form as Nimbus parsed it, client authentication included: what the RFCs allow, and only that. */
    private static TokenCommand tokenCommandOf(com.nimbusds.oauth2.sdk.TokenRequest parsed) {
        PresentedClient client = presentedClient(parsed.getClientAuthentication(), parsed.getClientID());
        List<String> resources = parsed.getResources() == null ? List.of()
                : parsed.getResources().stream().map(URI::toString).toList();
        String scope = parsed.getScope() == null ? null : parsed.getScope().toString();
        return switch (parsed.getAuthorizationGrant()) {
            case AuthorizationCodeGrant code -> new TokenCommand.CodeExchangeCommand(client,
                    code.getAuthorizationCode().getValue(),
                    code.getCodeVerifier() == null ? null : code.getCodeVerifier().getValue(),
                    code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(), resources);
            case RefreshTokenGrant refresh -> new TokenCommand.RefreshCommand(client, refresh.getRefreshToken().getValue(),
                    scope, resources);
            case ClientCredentialsGrant ignored -> new TokenCommand.ClientCredentialsCommand(client, scope, resources);
            default -> throw new OAuthException(Code.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be authorization_code, refresh_token or client_credentials");
        };
    }

    /** The form as an HTTP request to Nimbus's parsers, the {@code Authorization} header with it. */
    private static HTTPRequest formRequest(URI endpoint, MultiValueMap<String, String> form, String authorization) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
        http.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        http.setBody(SignedOAuthQuery.encoded(entries(form)));
        if (authorization != null) {
            http.setAuthorization(authorization);
        }
        return http;
    }

    /**
     * Who the request says it comes from: a secret by HTTP Basic or in the form, an assertion it
     * signed with its private key, or a public client's id.
     */
    private static PresentedClient presentedClient(ClientAuthentication authentication, ClientID publicClient) {
        return switch (authentication) {
            case null -> new PresentedClient(publicClient == null ? null : publicClient.getValue(), Optional.empty());
            case ClientSecretBasic basic -> new PresentedClient(basic.getClientID().getValue(),
                    Optional.of(basic.getClientSecret().getValue()));
            case ClientSecretPost post -> new PresentedClient(post.getClientID().getValue(),
                    Optional.of(post.getClientSecret().getValue()));
            case PrivateKeyJWT signed -> new PresentedClient(signed.getClientID().getValue(), Optional.empty(),
                    Optional.of(signed.getClientAssertion().serialize()));
            default -> throw new OAuthException(Code.INVALID_CLIENT, "token_endpoint_auth_method must be none, "
                    + "client_secret_basic, client_secret_post or private_key_jwt");
        };
    }

    private static OAuthException refusalOf(ParseException refused) {
        String code = refused.getErrorObject() == null ? null : refused.getErrorObject().getCode();
        Code known = Arrays.stream(Code.values()).filter(candidate -> candidate.wireName().equals(code)).findFirst()
                .orElse(Code.INVALID_REQUEST);
        return new OAuthException(known, refused.getMessage());
    }

    private Map<String, Object> tokenResponse(TokenResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", result.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", result.expiresIn().toSeconds());
        body.put("scope", result.scopes().value());
        result.refreshToken().ifPresent(token -> body.put("refresh_token", token));
        result.idToken().ifPresent(token -> body.put("id_token", token));
        return body;
    }

    private static Optional<String> bearer(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(authorization.substring(7).trim()).filter(token -> !token.isEmpty()) : Optional.empty();
    }

    static List<Map.Entry<String, String>> entries(MultiValueMap<String, String> form) {
        return form.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> Map.entry(entry.getKey(), value)))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static ResponseEntity.BodyBuilder noStore(HttpStatus status) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).header("Pragma", "no-cache");
    }
}

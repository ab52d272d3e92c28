package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.security.OwnTokens;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.twofactor.SecondStepCookies;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SignedInResult;
import dev.momentum.auth.application.credential.port.in.SignInUseCase;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.SignInRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeUseCase;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.ConfirmSignOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionResult.SignedOutResult;
import dev.momentum.auth.application.oauth.port.in.EndSessionUseCase;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeCommand;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeUseCase;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorUseCase;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The sign-in and consent pages of a deployment without a frontend of its own (ADR-0052): plain
 * HTML forms, no script, a strict Content-Security-Policy, and a CSRF token that is both a
 * cookie of this browser and a field of the form. They take the signed request the authorization
 * endpoint sends and hand it back, as a frontend's pages would.
 */
@RestController
public final class OAuthPagesController {

    static final String PAGES = AuthApiSettings.BASE_PATH + "/oauth2/pages";
    static final String SIGN_IN = PAGES + "/sign-in";
    static final String CONSENT = PAGES + "/consent";
    static final String SECOND_FACTOR = PAGES + "/two-factor";
    static final String SIGN_OUT = PAGES + "/sign-out";
    static final String SIGNED_OUT = PAGES + "/signed-out";
    /** No script at all; styles from our own sheet; never framed. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The sign-in page's: its one script, ours, which may call our passkey routes and nothing else. */
    static final String SIGN_IN_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String PASSKEY_SCRIPT = """
            // The passkey button of the built-in sign-in page (ADR-0052): WebAuthn here, the service's
            // passkey routes there; the signed authorization request goes along, so the answer says
            // where the authorization goes next (ADR-0056).
            const button = document.getElementById("passkey");
            const status = document.getElementById("passkey-status");
            if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON) {
              button.hidden = false;
            }
            button.addEventListener("click", async () => {
              const api = button.dataset.api;
              try {
                const options = await (await fetch(api + "/passkey/generate-authenticate-options")).json();
                const credential = await navigator.credentials.get({
                  publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                const answer = await fetch(api + "/passkey/verify-authentication", { method: "POST",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({ response: credential.toJSON(), oauth_query: button.dataset.query }) });
                const body = await answer.json();
                if (body.redirect && body.url) {
                  location.assign(body.url);
                } else {
                  status.textContent = "That passkey was not accepted.";
                }
              } catch (cancelled) {
                status.textContent = "No passkey was used.";
              }
            });
            """;
    /**
     * Instead of our usual {@code no-referrer}, under which Chromium posts the forms with
     * {@code Origin: null}, which the CORS and origin checks rightly refuse.
     */
    static final String SAME_ORIGIN_REFERRER = "same-origin";
    private static final String CSRF_COOKIE = "oauth_pages_csrf";
    private static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1b1f24;margin:0}
            main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.75rem;
            box-shadow:0 1px 4px #0002}h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem}
            input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
            button{margin-top:1rem;padding:.5rem 1rem;font:inherit;cursor:pointer}.error{color:#b00020}
            .host{font-family:monospace}ul{padding-left:1.2rem}""";

    private final AuthorizeUseCase authorize;
    private final EndSessionUseCase endSession;
    private final ReactiveJwtDecoder idTokens;
    private final SignInUseCase signIn;
    private final VerifySecondFactorUseCase verifySecondFactor;
    private final SendSecondFactorCodeUseCase sendCode;
    private final SecondStepCookies secondStepCookies;
    private final OAuthTermsQuery terms;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final SessionCookieCodec codec;
    private final SignedOAuthQuery signedQueries;
    private final AtomicLong csrfCounter = new AtomicLong();

    OAuthPagesController(AuthorizeUseCase authorize, EndSessionUseCase endSession, SignInUseCase signIn,
                         VerifySecondFactorUseCase verifySecondFactor, SendSecondFactorCodeUseCase sendCode,
                         OAuthTermsQuery terms, SessionCredentials credentials, SessionCookies sessionCookies,
                         SecondStepCookies secondStepCookies, SessionCookieCodec codec, PublishedKeysQuery keys,
                         TokenTermsQuery tokenTerms) {
        this.authorize = authorize;
        this.verifySecondFactor = verifySecondFactor;
        this.sendCode = sendCode;
        this.secondStepCookies = secondStepCookies;
        this.endSession = endSession;
        this.idTokens = OwnTokens.idTokenHintDecoder(keys, tokenTerms);
        this.signIn = signIn;
        this.terms = terms;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.codec = codec;
        this.signedQueries = new SignedOAuthQuery(codec, OAuthController.SIGNED_QUERY_LIFETIME);
    }

    @GetMapping(PAGES + "/pages.css")
    ResponseEntity<String> style() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(STYLE);
    }

    @GetMapping(PAGES + "/passkey.js")
    ResponseEntity<String> passkeyScript() {
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(PASSKEY_SCRIPT);
    }

    @GetMapping(SIGN_IN)
    ResponseEntity<String> signInPage(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        if (signedQueries.verify(query, Instant.now()).isEmpty()) {
            return expired();
        }
        return signInPage(HttpStatus.OK, exchange, query, null);
    }

    /** The form, and a passkey button for browsers that can use one, run by our script alone. */
    private ResponseEntity<String> signInPage(HttpStatus status, ServerWebExchange exchange, String query,
                                              String error) {
        return page(status, exchange, "Sign in", signInForm(query, error)
                + "<p><button id=passkey type=button hidden data-api=\"" + AuthApiSettings.BASE_PATH
                + "\" data-query=\"" + HtmlUtils.htmlEscape(query) + "\">Sign in with a passkey</button></p>"
                + "<p id=passkey-status class=error role=status></p>"
                + "<script src=\"" + PAGES + "/passkey.js\" defer></script>", SIGN_IN_CONTENT_SECURITY_POLICY);
    }

    @PostMapping(path = SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> signIn(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String query = form.getFirst("oauth_query");
            if (!csrfHolds(exchange, form) || signedQueries.verify(query, Instant.now()).isEmpty()) {
                return Mono.just(expired());
            }
            var response = exchange.getResponse();
            return Mono.fromCallable(() -> SignInCommand.of(form.getFirst("email"), String.valueOf(
                            form.getFirst("password")), true, ClientInfos.of(exchange), null))
                    .flatMap(signIn::signIn)
                    .map(result -> switch (result) {
                        case SignedInResult signedIn -> {
                            sessionCookies.issue(response, signedIn.session(), true);
                            yield seeOther(AuthApiSettings.BASE_PATH + "/oauth2/authorize?" + query);
                        }
                        case SecondFactorRequiredResult required -> {
                            sessionCookies.awaitSecondFactor(response, true);
                            secondStepCookies.issueChallenge(response, required.challenge());
                            yield page(HttpStatus.OK, exchange, "Second step",
                                    secondFactorForm(query, required.methods(), null));
                        }
                    })
                    .onErrorResume(AuthException.class, refused -> Mono.just(signInPage(HttpStatus.UNAUTHORIZED,
                            exchange, query, "The email or password is not right.")))
                    .onErrorResume(RateLimitedException.class, limited -> Mono.just(signInPage(
                            HttpStatus.TOO_MANY_REQUESTS, exchange, query, "Too many attempts: try again in a moment.")));
        });
    }

    /**
     * The second step of a sign-in, as {@code /two-factor/verify-*} takes it: a code of the
     * authenticator app, a backup code, or a code mailed on request, against the challenge cookie
     * the password step set.
     */
    @PostMapping(path = SECOND_FACTOR, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> secondFactor(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String query = form.getFirst("oauth_query");
            var request = exchange.getRequest();
            Optional<String> challenge = secondStepCookies.challenge(request);
            if (!csrfHolds(exchange, form) || signedQueries.verify(query, Instant.now()).isEmpty()
                    || challenge.isEmpty()) {
                return Mono.just(expired());
            }
            List<String> methods = form.getOrDefault("methods", List.of());
            if (form.containsKey("send")) {
                return sendCode.send(new SendSecondFactorCodeCommand(null, challenge.get()))
                        .thenReturn(page(HttpStatus.OK, exchange, "Second step", "<p>A code is on its way to your email.</p>"
                                + secondFactorForm(query, methods, null)))
                        .onErrorResume(RateLimitedException.class, limited -> Mono.just(page(
                                HttpStatus.TOO_MANY_REQUESTS, exchange, "Second step", secondFactorForm(query, methods,
                                        "Too many codes asked for: try again in a moment."))));
            }
            Proof proof = switch (String.valueOf(form.getFirst("method"))) {
                case "backup_code" -> Proof.BACKUP_CODE;
                case "otp" -> Proof.OTP;
                default -> Proof.TOTP;
            };
            var response = exchange.getResponse();
            return Mono.fromCallable(() -> new VerifySecondFactorCommand(proof, String.valueOf(form.getFirst("code"))
                            .strip(), null, challenge.get(), false, true, ClientInfos.of(exchange)))
                    .flatMap(verifySecondFactor::verify)
                    .map(verified -> {
                        sessionCookies.issue(response, verified.session(), true);
                        secondStepCookies.expireChallenge(response);
                        return seeOther(AuthApiSettings.BASE_PATH + "/oauth2/authorize?" + query);
                    })
                    .onErrorResume(AuthException.class, refused -> Mono.just(page(HttpStatus.UNAUTHORIZED, exchange,
                            "Second step", secondFactorForm(query, methods, "That code is not right."))))
                    .onErrorResume(RateLimitedException.class, limited -> Mono.just(page(HttpStatus.TOO_MANY_REQUESTS,
                            exchange, "Second step", secondFactorForm(query, methods,
                                    "Too many attempts: try again in a moment."))));
        });
    }

    @GetMapping(CONSENT)
    Mono<ResponseEntity<String>> consentPage(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        var signed = signedQueries.verify(query, Instant.now());
        if (signed.isEmpty()) {
            return Mono.just(expired());
        }
        return authorize.authorize(OAuthController.requestOf(signed.get().request()),
                        credentials.token(exchange.getRequest()).orElse(null), signed.map(SignedOAuthQuery.Verified::issuedAt))
                .map(outcome -> switch (outcome) {
                    case ConsentRequiredResult asked -> page(HttpStatus.OK, exchange, "Allow access?",
                            consentForm(query, asked));
                    case RedirectToClientResult done -> backToClient(done);
                    case SignInRequiredResult ignored -> seeOther(SIGN_IN + "?" + query);
                    case UnredirectableResult refused -> cannotContinue(exchange, refused);
                });
    }

    @PostMapping(path = CONSENT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> consent(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            var signed = signedQueries.verify(form.getFirst("oauth_query"), Instant.now());
            if (!csrfHolds(exchange, form) || signed.isEmpty()) {
                return Mono.just(expired());
            }
            return authorize.consent(OAuthController.requestOf(signed.get().request()),
                            credentials.token(exchange.getRequest()).orElse(null), "allow".equals(form.getFirst("answer")),
                            Optional.empty(), signed.map(SignedOAuthQuery.Verified::issuedAt))
                    .map(outcome -> switch (outcome) {
                        case RedirectToClientResult done -> backToClient(done);
                        case SignInRequiredResult ignored -> seeOther(SIGN_IN + "?" + form.getFirst("oauth_query"));
                        case ConsentRequiredResult ignored -> expired();
                        case UnredirectableResult refused -> cannotContinue(exchange, refused);
                    });
        });
    }

    /** RP-Initiated Logout's confirmation: an application asked to sign the user out, without proof it is theirs. */
    @GetMapping(SIGN_OUT)
    Mono<ResponseEntity<String>> signOutPage(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        var signed = signedQueries.verify(query, Instant.now());
        if (signed.isEmpty()) {
            return Mono.just(expired());
        }
        return EndSessionController.commandOf(signed.get().request(), idTokens)
                .flatMap(request -> endSession.endSession(request, credentials.token(exchange.getRequest()).orElse(null),
                        false))
                .map(outcome -> switch (outcome) {
                    case ConfirmSignOutResult asked -> page(HttpStatus.OK, exchange, "Sign out?",
                            "<p>" + asked.clientName().map(name -> "<strong>" + HtmlUtils.htmlEscape(name)
                                    + "</strong> asks to sign you out.").orElse("An application asks to sign you out.")
                            + "</p><form method=post action=\"" + SIGN_OUT + "\">" + hidden("oauth_query", query)
                            + "%CSRF%<button type=submit>Sign out</button></form>");
                    case SignedOutResult done -> EndSessionController.<String>signedOut(exchange, done,
                            sessionCookies);
                });
    }

    @PostMapping(path = SIGN_OUT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> signOut(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            var signed = signedQueries.verify(form.getFirst("oauth_query"), Instant.now());
            if (!csrfHolds(exchange, form) || signed.isEmpty()) {
                return Mono.just(expired());
            }
            return EndSessionController.commandOf(signed.get().request(), idTokens)
                    .flatMap(request -> endSession.endSession(request,
                            credentials.token(exchange.getRequest()).orElse(null), true))
                    .map(outcome -> outcome instanceof SignedOutResult done
                            ? EndSessionController.<String>signedOut(exchange, done, sessionCookies) : expired());
        });
    }

    @GetMapping(SIGNED_OUT)
    ResponseEntity<String> signedOutPage() {
        return htmlAnswer(HttpStatus.OK).body(document("Signed out", "<p>You are signed out.</p>"));
    }

    private ResponseEntity<String> backToClient(RedirectToClientResult done) {
        return seeOther(OAuthController.withQuery(done.redirectUri(),
                OAuthController.withIssuer(done.parameters(), terms.issuer())));
    }

    private ResponseEntity<String> cannotContinue(ServerWebExchange exchange, UnredirectableResult refused) {
        return page(HttpStatus.BAD_REQUEST, exchange, "Cannot continue",
                "<p class=error>" + HtmlUtils.htmlEscape(refused.description()) + "</p>");
    }

    private String signInForm(String query, String error) {
        return (error == null ? "" : "<p class=error>" + HtmlUtils.htmlEscape(error) + "</p>")
                + "<form method=post action=\"" + SIGN_IN + "\">"
                + "<label for=email>Email</label><input id=email name=email type=email autocomplete=username required>"
                + "<label for=password>Password</label>"
                + "<input id=password name=password type=password autocomplete=current-password required>"
                + hidden("oauth_query", query) + "%CSRF%"
                + "<button type=submit>Sign in</button></form>";
    }

    /** A code, and which kind it is: of the authenticator app, mailed, or a backup code; mailing one on request. */
    private String secondFactorForm(String query, List<String> methods, String error) {
        boolean app = methods.contains("totp");
        boolean mail = methods.contains("otp");
        String kept = hidden("oauth_query", query) + methods.stream().map(method -> hidden("methods", method))
                .collect(Collectors.joining()) + "%CSRF%";
        return (error == null ? "" : "<p class=error>" + HtmlUtils.htmlEscape(error) + "</p>")
                + "<p>This account asks for a second step.</p>"
                + "<form method=post action=\"" + SECOND_FACTOR + "\">"
                + "<label for=code>Code</label><input id=code name=code autocomplete=one-time-code required>"
                + (app ? "<label><input type=radio name=method value=totp checked> from the authenticator app</label>"
                        : "")
                + (mail ? "<label><input type=radio name=method value=otp" + (app ? "" : " checked")
                        + "> sent by email</label>" : "")
                + "<label><input type=radio name=method value=backup_code" + (app || mail ? "" : " checked")
                + "> a backup code</label>" + kept + "<button type=submit>Verify</button></form>"
                + (mail ? "<form method=post action=\"" + SECOND_FACTOR + "\">" + kept
                        + "<button type=submit name=send value=otp>Email me a code</button></form>" : "");
    }

    private String consentForm(String query, ConsentRequiredResult asked) {
        String name = asked.client().name().isBlank() ? asked.client().clientId() : asked.client().name();
        return "<p><strong>" + HtmlUtils.htmlEscape(name) + "</strong> asks to act on your behalf and will be sent"
                + " back to <span class=host>" + HtmlUtils.htmlEscape(asked.redirectHost()) + "</span>.</p>"
                + (asked.scopes().isEmpty() ? "" : "<p>It asks for:</p><ul>" + asked.scopes().values().stream()
                        .map(scope -> "<li>" + HtmlUtils.htmlEscape(scope) + "</li>").collect(Collectors.joining())
                        + "</ul>")
                + "<form method=post action=\"" + CONSENT + "\">" + hidden("oauth_query", query) + "%CSRF%"
                + "<button type=submit name=answer value=allow>Allow</button> "
                + "<button type=submit name=answer value=deny>Deny</button></form>";
    }

    private static String hidden(String name, String value) {
        return "<input type=hidden name=" + name + " value=\"" + HtmlUtils.htmlEscape(String.valueOf(value)) + "\">";
    }

    /** A page with its CSRF token, as a cookie of this browser and a field of the form; no script at all. */
    private ResponseEntity<String> page(HttpStatus status, ServerWebExchange exchange, String title, String body) {
        return page(status, exchange, title, body, CONTENT_SECURITY_POLICY);
    }

    private ResponseEntity<String> page(HttpStatus status, ServerWebExchange exchange, String title, String body,
                                        String contentSecurityPolicy) {
        String token = codec.signatureOf("oauth-pages-csrf|" + System.nanoTime() + "|" + csrfCounter.incrementAndGet())
                .replaceAll("[^A-Za-z0-9]", "");
        exchange.getResponse().addCookie(ResponseCookie.from(codec.cookieName(CSRF_COOKIE),
                        URLEncoder.encode(codec.sign(token), StandardCharsets.UTF_8))
                .path(PAGES).httpOnly(true).secure(codec.secure()).sameSite("Strict").build());
        return htmlAnswer(status, contentSecurityPolicy).header("Referrer-Policy", SAME_ORIGIN_REFERRER)
                .body(document(title, body.replace("%CSRF%", hidden("csrf", token))));
    }

    /** A page's HTML, with our headers and the script-free Content-Security-Policy. */
    private static ResponseEntity.BodyBuilder htmlAnswer(HttpStatus status) {
        return htmlAnswer(status, CONTENT_SECURITY_POLICY);
    }

    private static ResponseEntity.BodyBuilder htmlAnswer(HttpStatus status, String contentSecurityPolicy) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", contentSecurityPolicy);
    }

    private static String document(String title, String body) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width,initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title><link rel=stylesheet href=\"" + PAGES + "/pages.css\">"
                + "</head><body><main><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</main></body></html>";
    }

    private boolean csrfHolds(ServerWebExchange exchange, MultiValueMap<String, String> form) {
        String presented = form.getFirst("csrf");
        var cookie = exchange.getRequest().getCookies().getFirst(codec.cookieName(CSRF_COOKIE));
        return presented != null && cookie != null && codec.verify(cookie.getValue())
                .filter(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII))).isPresent();
    }

    private ResponseEntity<String> expired() {
        return htmlAnswer(HttpStatus.BAD_REQUEST).body(document("Start again", "<p class=error>This page is out of"
                + " date or was not opened by an application's sign-in. Go back to the application and start again.</p>"));
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).cacheControl(CacheControl.noStore())
                .location(URI.create(location)).build();
    }
}

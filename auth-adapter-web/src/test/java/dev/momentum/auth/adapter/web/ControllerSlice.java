package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.error.JsonErrorWebExceptionHandler;
import dev.momentum.auth.adapter.web.oauth.OAuthPages;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.twofactor.SecondStepCookies;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A controller under test as the service runs it: Spring WebFlux routing and JSON, our session
 * cookies and error handler, and the real use cases of {@link TestAuthService} over in-memory
 * ports. No filters and no security chain: those have tests of their own (AdminApiIT for the admin API).
 */
public final class ControllerSlice {

    public static final String BASE_URL = "http://localhost:3002";
    public static final String FRONTEND = "http://localhost:3000";
    /** The header that names the acting administrator of an admin API request. */
    public static final String ADMINISTRATOR = "X-Slice-Administrator";
    public static final AuthApiSettings SETTINGS = new AuthApiSettings(URI.create(BASE_URL), List.of(FRONTEND),
            "a-test-secret-of-at-least-thirty-two-characters");

    public static final OAuthPages OAUTH_PAGES = new OAuthPages(URI.create(FRONTEND + "/sign-in"),
            URI.create(FRONTEND + "/consent"));

    /** Signs and names the session cookie as the service does. */
    public static final SessionCookieCodec COOKIES = new SessionCookieCodec(SETTINGS);

    private ControllerSlice() {
    }

    /** The session cookie of a browser signed in with this session, for {@code .cookies(...)}. */
    public static Consumer<MultiValueMap<String, String>> signedIn(SessionResult session) {
        return cookies -> cookies.add(COOKIES.sessionCookieName(), COOKIES.sign(session.token().value()));
    }

    public static WebTestClient of(TestAuthService auth, Class<?>... controllers) {
        var context = new AnnotationConfigApplicationContext();
        context.register(WebFlux.class);
        context.register(controllers);
        context.registerBean(AuthApiSettings.class, () -> SETTINGS);
        context.registerBean(SessionCookieCodec.class, () -> COOKIES);
        context.registerBean(SessionCredentials.class, () -> new SessionCredentials(COOKIES));
        context.registerBean(SessionCookies.class, () -> new SessionCookies(COOKIES));
        context.registerBean(SecondStepCookies.class, () -> new SecondStepCookies(COOKIES,
                new SessionCredentials(COOKIES)));
        context.registerBean(CallbackUrls.class, () -> new CallbackUrls(new TrustedOrigins(SETTINGS)));
        context.registerBean(JsonErrorWebExceptionHandler.class,
                () -> new JsonErrorWebExceptionHandler(JsonMapper.builder().build()));
        context.registerBean(OAuthPages.class, () -> OAUTH_PAGES);
        registerUseCases(context, auth);
        context.refresh();
        return WebTestClient.bindToApplicationContext(context).configureClient().baseUrl(BASE_URL).build();
    }

    /** Every field of the test service that implements a driving port, under the types it implements. */
    private static void registerUseCases(AnnotationConfigApplicationContext context, TestAuthService auth) {
        for (Field field : TestAuthService.class.getFields()) {
            boolean drivingPort = Arrays.stream(field.getType().getInterfaces())
                    .anyMatch(type -> type.getPackageName().endsWith(".port.in"));
            if (drivingPort) {
                register(context, field, auth);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(AnnotationConfigApplicationContext context, Field field, TestAuthService auth) {
        Class type = field.getType();
        context.registerBean(field.getName(), type, () -> {
            try {
                return field.get(auth);
            } catch (IllegalAccessException unreachable) {
                throw new IllegalStateException(unreachable);
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class WebFlux implements WebFluxConfigurer {

        /** Without the security chain, the admin API's principal is a token of the user this header names. */
        @Override
        public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
            configurer.addCustomResolver(new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return parameter.hasParameterAnnotation(AuthenticationPrincipal.class);
                }

                @Override
                public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
                                                    ServerWebExchange exchange) {
                    return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(ADMINISTRATOR))
                            .map(subject -> Jwt.withTokenValue("slice").header("alg", "none").subject(subject)
                                    .claim("role", "admin").build());
                }
            });
        }
    }
}

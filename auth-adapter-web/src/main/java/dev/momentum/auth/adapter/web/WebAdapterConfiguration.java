package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.account.AccountController;
import dev.momentum.auth.adapter.web.account.UserController;
import dev.momentum.auth.adapter.web.admin.AdminController;
import dev.momentum.auth.adapter.web.credential.EmailPasswordController;
import dev.momentum.auth.adapter.web.credential.PasswordController;
import dev.momentum.auth.adapter.web.error.JsonErrorWebExceptionHandler;
import dev.momentum.auth.adapter.web.filter.ClientContextWebFilter;
import dev.momentum.auth.adapter.web.filter.HttpMetricsWebFilter;
import dev.momentum.auth.adapter.web.filter.JsonCorsWebFilter;
import dev.momentum.auth.adapter.web.filter.OriginCheckWebFilter;
import dev.momentum.auth.adapter.web.filter.PublicResponseCache;
import dev.momentum.auth.adapter.web.filter.RateLimitWebFilter;
import dev.momentum.auth.adapter.web.filter.RequestIds;
import dev.momentum.auth.adapter.web.filter.RequestLimitsWebFilter;
import dev.momentum.auth.adapter.web.oauth.EndSessionController;
import dev.momentum.auth.adapter.web.oauth.OAuthAdminController;
import dev.momentum.auth.adapter.web.oauth.OAuthConsentsController;
import dev.momentum.auth.adapter.web.oauth.OAuthContinuationWebFilter;
import dev.momentum.auth.adapter.web.oauth.OAuthController;
import dev.momentum.auth.adapter.web.oauth.OAuthMetadataController;
import dev.momentum.auth.adapter.web.oauth.OAuthPages;
import dev.momentum.auth.adapter.web.oauth.OAuthPagesController;
import dev.momentum.auth.adapter.web.operations.HealthProbes;
import dev.momentum.auth.adapter.web.operations.OpenApiDocumentRoute;
import dev.momentum.auth.adapter.web.operations.StatusController;
import dev.momentum.auth.adapter.web.passkey.PasskeyController;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import dev.momentum.auth.adapter.web.security.WebSecurityConfiguration;
import dev.momentum.auth.adapter.web.session.SessionController;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.session.SessionManagementController;
import dev.momentum.auth.adapter.web.signing.JwtController;
import dev.momentum.auth.adapter.web.twofactor.SecondStepCookies;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorController;
import dev.momentum.auth.adapter.web.verification.EmailVerificationController;
import dev.momentum.auth.adapter.web.verification.RouteAccountLinks;
import dev.momentum.auth.application.oauth.port.in.AuthorizeUseCase;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.application.operations.port.in.CheckHealthQuery;
import dev.momentum.auth.application.throttle.port.in.RateLimitUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API. Needs an {@link AuthApiSettings} bean and one bean per use-case port; the
 * controllers find them by type.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebSecurityConfiguration.class, EmailPasswordController.class, TwoFactorController.class,
        PasskeyController.class, SessionController.class, EmailVerificationController.class, StatusController.class,
        SessionManagementController.class, PasswordController.class, UserController.class, AccountController.class,
        JwtController.class, AdminController.class, OAuthController.class, OAuthMetadataController.class,
        OAuthConsentsController.class, OAuthAdminController.class, OAuthPagesController.class,
        EndSessionController.class})
public class WebAdapterConfiguration {

    /** The links mails carry, built from this adapter's routes (ADR-0041). */
    @Bean
    RouteAccountLinks accountLinks(AuthApiSettings settings) {
        return new RouteAccountLinks(settings);
    }

    @Bean
    HealthProbes healthProbes(CheckHealthQuery health, ApplicationAvailability availability) {
        return new HealthProbes(health, availability);
    }

    @Bean
    RouterFunction<ServerResponse> healthProbeRoutes(HealthProbes probes) {
        return probes.routes();
    }

    @Bean
    HttpMetricsWebFilter httpMetricsWebFilter(MeterRegistry registry) {
        return new HttpMetricsWebFilter(registry);
    }

    @Bean
    RouterFunction<ServerResponse> openApiDocumentRoute(AuthApiSettings settings, JsonMapper json) {
        return new OpenApiDocumentRoute(settings, json).routes();
    }

    @Bean
    ClientContextWebFilter clientContextWebFilter() {
        return new ClientContextWebFilter();
    }

    @Bean
    RequestIds requestIds() {
        return new RequestIds(RequestIds::randomId);
    }

    @Bean
    PublicResponseCache publicResponseCache(RequestIds requestIds, HttpMetricsWebFilter metrics,
                                            RateLimitWebFilter rateLimits, MeterRegistry registry) {
        return new PublicResponseCache(requestIds, metrics, rateLimits, registry);
    }

    @Bean
    HttpHandlerDecoratorFactory publicResponsesFirst(PublicResponseCache cache) {
        return cache::answering;
    }

    @Bean
    TrustedOrigins trustedOrigins(AuthApiSettings settings) {
        return new TrustedOrigins(settings);
    }

    @Bean
    SessionCookieCodec sessionCookieCodec(AuthApiSettings settings) {
        return new SessionCookieCodec(settings);
    }

    @Bean
    SessionCredentials sessionCredentials(SessionCookieCodec codec) {
        return new SessionCredentials(codec);
    }

    @Bean
    SessionCookies sessionCookies(SessionCookieCodec codec) {
        return new SessionCookies(codec);
    }

    @Bean
    SecondStepCookies secondStepCookies(SessionCookieCodec codec, SessionCredentials credentials) {
        return new SecondStepCookies(codec, credentials);
    }

    @Bean
    CallbackUrls callbackUrls(TrustedOrigins trustedOrigins) {
        return new CallbackUrls(trustedOrigins);
    }

    @Bean
    JsonCorsWebFilter jsonCorsWebFilter(TrustedOrigins trustedOrigins) {
        return new JsonCorsWebFilter(trustedOrigins);
    }

    @Bean
    RateLimitWebFilter rateLimitWebFilter(AuthApiSettings settings, RateLimitUseCase rateLimits) {
        return new RateLimitWebFilter(new ClientAddresses(settings.trustedProxies()), rateLimits);
    }

    @Bean
    RequestLimitsWebFilter requestLimitsWebFilter() {
        return new RequestLimitsWebFilter();
    }

    @Bean
    OAuthContinuationWebFilter oauthContinuationWebFilter(AuthorizeUseCase authorize, SessionCookieCodec codec,
                                                          OAuthPages pages, OAuthTermsQuery terms, JsonMapper json) {
        return new OAuthContinuationWebFilter(authorize, codec, pages, terms, json);
    }

    @Bean
    OriginCheckWebFilter originCheckWebFilter(TrustedOrigins trustedOrigins) {
        return new OriginCheckWebFilter(trustedOrigins);
    }

    @Bean
    JsonErrorWebExceptionHandler jsonErrorWebExceptionHandler(JsonMapper json) {
        return new JsonErrorWebExceptionHandler(json);
    }
}

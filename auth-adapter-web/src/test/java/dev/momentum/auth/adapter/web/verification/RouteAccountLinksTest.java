package dev.momentum.auth.adapter.web.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.account.AccountController;
import dev.momentum.auth.adapter.web.credential.PasswordController;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.pattern.PathPatternParser;

class RouteAccountLinksTest {

    private final RouteAccountLinks links = new RouteAccountLinks(
            new AuthApiSettings(URI.create("http://localhost:3002"), List.of(), "x".repeat(32)));

    @Test
    void linksWhenACallbackIsGivenThenBetterAuthsFormsWithTheCallbackEncoded() {
        assertThat(links.emailVerification("t1", "/settings")).hasToString(
                "http://localhost:3002/api/auth/verify-email?token=t1&callbackURL=%2Fsettings");
        assertThat(links.passwordReset("t2", "/reset")).hasToString(
                "http://localhost:3002/api/auth/reset-password/t2?callbackURL=%2Freset");
        assertThat(links.accountDeletion("t3", "/goodbye")).hasToString(
                "http://localhost:3002/api/auth/delete-user/callback?token=t3&callbackURL=%2Fgoodbye");
    }

    @Test
    void linksWhenNoCallbackThenVerificationAndDeletionReturnToRootAndResetHasAnEmptyOne() {
        assertThat(links.emailVerification("t1", null)).hasToString(
                "http://localhost:3002/api/auth/verify-email?token=t1&callbackURL=%2F");
        assertThat(links.emailVerification("t1", "")).hasToString(
                "http://localhost:3002/api/auth/verify-email?token=t1&callbackURL=%2F");
        assertThat(links.passwordReset("t2", null)).hasToString(
                "http://localhost:3002/api/auth/reset-password/t2?callbackURL=");
        assertThat(links.accountDeletion("t3", null)).hasToString(
                "http://localhost:3002/api/auth/delete-user/callback?token=t3&callbackURL=%2F");
    }

    /** A link the adapter does not serve would be a dead link in every mail. */
    @Test
    void linksWhenBuiltThenEachPathIsOneThisAdapterServesByGet() {
        List<String> served = Arrays.stream(new Class<?>[] {EmailVerificationController.class,
                        PasswordController.class, AccountController.class})
                .flatMap(controller -> Arrays.stream(controller.getDeclaredMethods()))
                .map(method -> method.getAnnotation(GetMapping.class)).filter(java.util.Objects::nonNull)
                .flatMap(mapping -> Arrays.stream(mapping.value()))
                .map(route -> AuthApiSettings.BASE_PATH + route)
                .toList();

        for (URI link : List.of(links.emailVerification("t1", "/"), links.passwordReset("t2", "/"),
                links.accountDeletion("t3", "/"))) {
            assertThat(served).as("the routes that serve %s", link).anyMatch(route ->
                    PathPatternParser.defaultInstance.parse(route).matches(PathContainer.parsePath(link.getPath())));
        }
    }
}

package dev.momentum.auth.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.support.SettingsReader;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    @Test
    void readWhenNothingIsSetThenLocalhostOnThePortAndNobodyTrusted() {
        var env = new SettingsReader(Map.<String, String>of()::get);

        var web = WebSettings.read(env, 3002);

        assertThat(web.publicBaseUrl()).isEqualTo(URI.create("http://localhost:3002"));
        assertThat(web.trustedOrigins()).isEmpty();
        assertThat(web.trustedProxies()).isEmpty();
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void readWhenBetterAuthsNamesAreSetThenTheyServeAndTheTrailingSlashGoes() {
        var env = new SettingsReader(Map.of("BETTER_AUTH_URL", "https://auth.example.com/",
                "FRONTEND_URL", "https://app.example.com,https://admin.example.com",
                "TRUSTED_PROXIES", "10.0.0.0/8")::get);

        var web = WebSettings.read(env, 3002);

        assertThat(web.publicBaseUrl()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(web.trustedOrigins()).containsExactly("https://app.example.com", "https://admin.example.com");
        assertThat(web.trustedProxies()).containsExactly("10.0.0.0/8");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void readWhenTheUrlIsRelativeOrAProxyIsNoAddressThenEachProblemNamed() {
        var env = new SettingsReader(Map.of("AUTH_BASE_URL", "auth.example.com", "TRUSTED_PROXIES", "the-proxy")::get);

        WebSettings.read(env, 3002);

        assertThat(env.problems()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("AUTH_BASE_URL must be an absolute URL"))
                .anySatisfy(problem -> assertThat(problem).startsWith("TRUSTED_PROXIES: "));
    }
}

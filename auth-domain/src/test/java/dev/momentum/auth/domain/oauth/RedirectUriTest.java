package dev.momentum.auth.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectUriTest {

    static RedirectUri registered(String value) {
        return RedirectUri.parse(value).orElseThrow();
    }

    @Test
    void matchesWhenTheSameStringThenYesAndAnyOtherSpellingNo() {
        RedirectUri app = registered("https://app.example.com/oauth/callback");

        assertThat(app.matches("https://app.example.com/oauth/callback")).isTrue();
        for (String trick : new String[] {
                "https://app.example.com/oauth/callback/",
                "https://app.example.com/oauth/callback?next=/admin",
                "https://app.example.com/oauth/callback#token",
                "https://app.example.com/oauth/callback.evil.example",
                "https://app.example.com.evil.example/oauth/callback",
                "https://app.example.com@evil.example/oauth/callback",
                "https://evil.example@app.example.com/oauth/callback",
                "https://app.example.com/oauth/../oauth/callback",
                "https://app.example.com/oauth/%2e%2e/oauth/callback",
                "https://app.example.com/oauth/%2E%2E%2Foauth/callback",
                "https://APP.example.com/oauth/callback",
                "https://app.example.com:443/oauth/callback",
                "http://app.example.com/oauth/callback",
                "https://app.example.com/OAuth/callback",
                "https://app.example.com/oauth/callback%20",
                "",
                null}) {
            assertThat(app.matches(trick)).as(String.valueOf(trick)).isFalse();
        }
    }

    @Test
    void matchesWhenALoopbackIpLiteralThenAnyPortButNothingElseMayDiffer() {
        RedirectUri cli = registered("http://127.0.0.1/callback");
        RedirectUri ipv6 = registered("http://[::1]:8080/callback?app=cli");

        assertThat(cli.matches("http://127.0.0.1:53124/callback")).isTrue();
        assertThat(cli.matches("http://127.0.0.1/callback")).isTrue();
        assertThat(ipv6.matches("http://[::1]:61000/callback?app=cli")).isTrue();
        assertThat(cli.matches("http://127.0.0.1:53124/callback/other")).isFalse();
        assertThat(cli.matches("http://127.0.0.2:53124/callback")).isFalse();
        assertThat(cli.matches("http://[::1]:53124/callback")).isFalse();
        assertThat(cli.matches("https://127.0.0.1:53124/callback")).isFalse();
        assertThat(cli.matches("http://127.0.0.1:53124/callback#x")).isFalse();
        assertThat(ipv6.matches("http://[::1]:61000/callback?app=other")).isFalse();
        assertThat(registered("https://127.0.0.1:8443/cb").matches("https://127.0.0.1:9443/cb"))
                .as("only http loopback, as RFC 8252 describes").isFalse();
    }

    @Test
    void matchesWhenLocalhostByNameThenTheExactStringOnly() {
        RedirectUri named = registered("http://localhost:3000/callback");

        assertThat(named.matches("http://localhost:3000/callback")).isTrue();
        assertThat(named.matches("http://localhost:3001/callback")).as("no port variance for a name").isFalse();
        assertThat(named.matches("http://127.0.0.1:3000/callback")).isFalse();
        assertThat(RedirectUri.parse("http://localhost.evil.example/callback")).isEmpty();
    }

    @Test
    void parseWhenWhatAClientMayRegisterThenOnlyHttpsLoopbackOrAPrivateUseScheme() {
        assertThat(RedirectUri.parse("https://app.example.com/cb")).isPresent();
        assertThat(RedirectUri.parse("http://127.0.0.1:8080/cb")).isPresent();
        assertThat(RedirectUri.parse("com.example.app:/oauth2redirect")).isPresent();
        for (String refused : new String[] {
                "http://app.example.com/cb", "https://app.example.com/cb#fragment",
                "https://user:pw@app.example.com/cb",
                "javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "/relative/cb", "cb",
                "custom:/no-dot-in-scheme", "https://app.example.com/c b", "https:///no-host", null, ""}) {
            assertThat(RedirectUri.parse(refused)).as(String.valueOf(refused)).isEmpty();
        }
    }
}

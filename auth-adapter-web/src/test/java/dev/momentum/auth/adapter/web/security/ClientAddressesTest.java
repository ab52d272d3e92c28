package dev.momentum.auth.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        var direct = new ClientAddresses(List.of());

        assertThat(direct.of(from("203.0.113.7", "X-Forwarded-For", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(direct.of(from("203.0.113.7", "Forwarded", "for=198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotNameAnotherAddress() {
        assertThat(behindProxies.of(from("203.0.113.7", "X-Forwarded-For", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        // the client wrote the first entry itself; our proxies appended the rest
        assertThat(behindProxies.of(from("10.0.0.2", "X-Forwarded-For", "192.0.2.66, 203.0.113.7, 10.0.0.1")))
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.of(from("10.0.0.2", "Forwarded",
                "for=192.0.2.66, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.1:3000")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
    }

    @Test
    void forwardedWinsOverXForwardedForAndAllTrustedHopsGiveTheLeftmost() {
        var request = MockServerHttpRequest.get("/api/auth/get-session")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 40000))
                .header("Forwarded", "for=203.0.113.9")
                .header("X-Forwarded-For", "203.0.113.7")
                .build();

        assertThat(behindProxies.of(request)).isEqualTo("203.0.113.9");
        assertThat(behindProxies.of(from("10.0.0.2", "X-Forwarded-For", "10.1.1.1, 10.0.0.1"))).isEqualTo("10.1.1.1");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalkAtTheLastTrustedOne() {
        assertThat(behindProxies.of(from("10.0.0.2", "X-Forwarded-For", "203.0.113.7, evil.example.com")))
                .isEqualTo("10.0.0.2");
        assertThat(behindProxies.of(from("10.0.0.2", "Forwarded", "for=unknown"))).isEqualTo("10.0.0.2");
    }

    @Test
    void anIpv6ClientIsBudgetedByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(ClientAddresses.budgetKey("2001:db8:cafe:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:cafe:1:0:0:0:0/64");
        assertThat(ClientAddresses.budgetKey("2001:db8:cafe:1::9")).isEqualTo("2001:db8:cafe:1:0:0:0:0/64");
        assertThat(ClientAddresses.budgetKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.budgetKey("unknown")).isEqualTo("unknown");
    }

    @Test
    void aTrustedProxyIsAnAddressOrARange() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ClientAddresses(List.of("10.0.0.2")).of(from("10.0.0.2", "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(new ClientAddresses(List.of("10.0.0.2")).of(from("10.0.0.3", "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("10.0.0.3");
    }

    private static MockServerHttpRequest from(String peer, String header, String value) {
        return MockServerHttpRequest.get("/api/auth/get-session")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header(header, value)
                .build();
    }
}

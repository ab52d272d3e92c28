package dev.momentum.auth.adapter.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who is on the other end of a request. That is the socket's peer, unless the peer is one of the
 * configured trusted proxies: then it is the rightmost hop of {@code Forwarded} (or, without it,
 * {@code X-Forwarded-For}) that is not a trusted proxy, since every hop left of it was written by
 * someone we do not trust. Without trusted proxies the headers are never read, so a client cannot
 * choose its own address.
 */
public final class ClientAddresses {

    /** What {@link #of} answers when the socket has no peer address. */
    public static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges, e.g. {@code 10.0.0.0/8} or {@code fd00::/8} */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    /** The client's address, in canonical form; {@link #UNKNOWN} when the socket has none. */
    public String of(ServerHttpRequest request) {
        Optional<InetAddress> peer = Optional.ofNullable(request.getRemoteAddress()).map(InetSocketAddress::getAddress);
        if (peer.isEmpty()) {
            return UNKNOWN;
        }
        InetAddress client = peer.get();
        List<String> hops = forwardedHops(request.getHeaders());
        for (int i = hops.size() - 1; i >= 0 && isTrustedProxy(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client.getHostAddress();
    }

    /**
     * The key a client's budget is counted under: an IPv6 client usually holds a whole /64, so
     * that is what one budget covers; an IPv4 address is its own.
     */
    public static String budgetKey(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty() || !(parsed.get() instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = parsed.get().getAddress();
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private boolean isTrustedProxy(InetAddress address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }

    /** The addresses the forwarding headers name, nearest the client first. */
    private static List<String> forwardedHops(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = headers.getOrEmpty("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String element : String.join(",", forwarded).split(",")) {
                hops.add(forParameter(element));
            }
            return hops;
        }
        for (String hop : String.join(",", headers.getOrEmpty("X-Forwarded-For")).split(",")) {
            if (!hop.isBlank()) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** The {@code for=} node of one {@code Forwarded} element (RFC 7239), without quotes, brackets or port. */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                String node = trimmed.substring(4).replace("\"", "");
                if (node.startsWith("[")) {
                    int close = node.indexOf(']');
                    return close < 0 ? "" : node.substring(1, close);
                }
                int colon = node.indexOf(':');
                return colon < 0 ? node : node.substring(0, colon);
            }
        }
        return "";
    }

    /** An IP address written as one, never looked up by name. */
    private static Optional<InetAddress> literal(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(InetAddress.ofLiteral(text));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /** An address, or a CIDR range such as {@code 10.0.0.0/8}. */
    private record AddressRange(byte[] network, int prefixBits) {

        static AddressRange parse(String text) {
            String[] addressAndBits = text.strip().split("/", 2);
            Optional<InetAddress> address = literal(addressAndBits[0]);
            if (address.isEmpty()) {
                throw new IllegalArgumentException("a trusted proxy is an IP address or CIDR range, not '" + text + "'");
            }
            int width = address.get().getAddress().length * 8;
            int bits;
            try {
                bits = addressAndBits.length == 2 ? Integer.parseInt(addressAndBits[1]) : width;
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > width) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length (0 to " + width + ")");
            }
            return new AddressRange(address.get().getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

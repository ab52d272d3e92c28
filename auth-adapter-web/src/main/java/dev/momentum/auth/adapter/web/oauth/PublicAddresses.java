package dev.momentum.auth.adapter.web.oauth;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which addresses a URL that a client chose may be fetched from (ADR-0053): public ones only, so
 * that a metadata document's URL cannot make the server reach into its own network (SSRF), unless
 * the operator allows a network ({@code OAUTH_FETCH_ALLOWED_NETWORKS}). The check is made on every
 * address a name resolves to, by the resolver of the very connection, so a name that resolves
 * differently a second time (DNS rebinding) gains nothing.
 */
public final class PublicAddresses {

    /** Special-purpose ranges (RFC 6890 and its IPv6 registry) beyond what {@link InetAddress} recognises. */
    private static final List<IpSubnetFilterRule> NOT_PUBLIC = Stream.of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24",
            "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::/96",
            "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7")
            .map(PublicAddresses::range).toList();

    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final List<IpSubnetFilterRule> allowed;

    /** @param allowedNetworks addresses or CIDR ranges allowed although not public, e.g. {@code 10.1.0.0/16} */
    public PublicAddresses(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(PublicAddresses::range).toList();
    }

    /** An address, or a CIDR range; refused with an {@link IllegalArgumentException} saying why. */
    static IpSubnetFilterRule range(String network) {
        String cidr = network.strip();
        if (!cidr.contains("/")) {
            cidr += cidr.contains(":") ? "/128" : "/32";
        }
        return new IpSubnetFilterRule(cidr, IpFilterRuleType.ACCEPT);
    }

    boolean permits(InetAddress address) {
        var socket = new InetSocketAddress(unmapped(address), 0);
        return allowed.stream().anyMatch(network -> network.matches(socket)) || isPublic(address);
    }

    static boolean isPublic(InetAddress given) {
        InetAddress address = unmapped(given);
        var socket = new InetSocketAddress(address, 0);
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(range -> range.matches(socket)));
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:127.0.0.1}) is the IPv4 address it maps. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean mapped = address instanceof Inet6Address && Arrays.equals(bytes, 0, 12, IPV4_MAPPED_PREFIX, 0, 12);
        try {
            return mapped ? InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)) : address;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The resolvers of connections that may only reach permitted addresses; names are resolved by {@code names}. */
    AddressResolverGroup<InetSocketAddress> guarding(AddressResolverGroup<InetSocketAddress> names) {
        return new AddressResolverGroup<>() {
            @Override
            protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
                return new GuardingResolver(executor, names.getResolver(executor));
            }
        };
    }

    /** Resolves through another resolver, then fails unless every address is permitted; IP literals included. */
    private final class GuardingResolver extends AbstractAddressResolver<InetSocketAddress> {

        private final AddressResolver<InetSocketAddress> names;

        GuardingResolver(EventExecutor executor, AddressResolver<InetSocketAddress> names) {
            super(executor, InetSocketAddress.class);
            this.names = names;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            relay(resolved(address), promise, List::getFirst);
        }

        @Override
        protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            relay(resolved(address), promise, Function.identity());
        }

        private static <T> void relay(Future<List<InetSocketAddress>> all, Promise<T> promise,
                                      Function<List<InetSocketAddress>, T> answer) {
            all.addListener((Future<List<InetSocketAddress>> done) -> {
                if (done.isSuccess()) {
                    promise.setSuccess(answer.apply(done.getNow()));
                } else {
                    promise.setFailure(done.cause());
                }
            });
        }

        private Future<List<InetSocketAddress>> resolved(InetSocketAddress address) {
            Promise<List<InetSocketAddress>> checked = executor().newPromise();
            Future<List<InetSocketAddress>> all = address.isUnresolved() ? names.resolveAll(address)
                    : executor().newSucceededFuture(List.of(address));
            all.addListener((Future<List<InetSocketAddress>> done) -> {
                if (!done.isSuccess()) {
                    checked.setFailure(done.cause());
                } else if (done.getNow().isEmpty()
                        || !done.getNow().stream().allMatch(each -> permits(each.getAddress()))) {
                    checked.setFailure(new RefusedAddressException(address.getHostString()));
                } else {
                    checked.setSuccess(done.getNow());
                }
            });
            return checked;
        }

        @Override
        public void close() {
            names.close();
        }
    }

    /** A name that stands for an address not permitted; an {@link UnknownHostException}, so no connection is tried. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super(host + " is not a public address");
        }
    }
}

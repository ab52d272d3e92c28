package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An authorization request carried through the sign-in and consent pages, signed so that the page
 * cannot alter it, as better-auth's oauth-provider signs it ({@code signed-query.ts}): the request's
 * parameters plus {@code exp} (seconds), {@code ba_iat} (milliseconds) and {@code ba_param} (each
 * signed parameter's name), sorted by name then value, form-encoded, and HMAC-SHA256 of that with
 * the secret as {@code sig}.
 */
final class SignedOAuthQuery {

    static final String SIGNATURE = "sig";
    static final String EXPIRES = "exp";
    static final String ISSUED_AT = "ba_iat";
    static final String SIGNED_NAMES = "ba_param";
    private static final Set<String> ADDED = Set.of(SIGNATURE, EXPIRES, ISSUED_AT, SIGNED_NAMES, "ba_pl");

    private final SessionCookieCodec codec;
    private final Duration lifetime;

    SignedOAuthQuery(SessionCookieCodec codec, Duration lifetime) {
        this.codec = codec;
        this.lifetime = lifetime;
    }

    /** The request, as the query string of a page's URL. */
    String sign(List<Map.Entry<String, String>> request, Instant now) {
        List<Map.Entry<String, String>> signed = new ArrayList<>(request.stream()
                .filter(parameter -> !ADDED.contains(parameter.getKey())).toList());
        signed.add(Map.entry(EXPIRES, String.valueOf(now.plus(lifetime).getEpochSecond())));
        signed.add(Map.entry(ISSUED_AT, String.valueOf(now.toEpochMilli())));
        Set<String> names = new TreeSet<>(signed.stream().map(Map.Entry::getKey).toList());
        names.add(SIGNED_NAMES);
        names.forEach(name -> signed.add(Map.entry(SIGNED_NAMES, name)));
        signed.add(Map.entry(SIGNATURE, codec.signatureOf(canonical(signed))));
        return encoded(signed);
    }

    /**
     * The request a signed query carries, with when it was signed; empty when the signature does not
     * hold, it has expired, or it is not one. Parameters it does not name as signed are left out.
     */
    Optional<Verified> verify(String query, Instant now) {
        if (query == null || query.isEmpty() || query.length() > 16_384) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> parameters;
        try {
            parameters = decoded(query);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        List<String> signatures = values(parameters, SIGNATURE);
        Set<String> names = Set.copyOf(values(parameters, SIGNED_NAMES));
        if (signatures.size() != 1 || names.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> signed = parameters.stream()
                .filter(parameter -> names.contains(parameter.getKey())).toList();
        Optional<Instant> expires = instant(values(signed, EXPIRES), true);
        Optional<Instant> issuedAt = instant(values(signed, ISSUED_AT), false);
        if (!codec.isSignatureOf(signatures.getFirst(), canonical(signed)) || expires.isEmpty() || issuedAt.isEmpty()
                || expires.get().isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new Verified(signed.stream().filter(parameter -> !ADDED.contains(parameter.getKey()))
                .toList(), issuedAt.get()));
    }

    /** The request's parameters, in their order, and when it was sent to the page. */
    record Verified(List<Map.Entry<String, String>> request, Instant issuedAt) {
    }

    private static String canonical(List<Map.Entry<String, String>> parameters) {
        return encoded(parameters.stream().filter(parameter -> !SIGNATURE.equals(parameter.getKey()))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(
                        Comparator.naturalOrder())))
                .toList());
    }

    /** As URLSearchParams serializes: form encoding, which Java's URLEncoder shares. */
    /** Each parameter's first value, in the order they first came: what a request means by one. */
    static Map<String, String> firstValues(List<Map.Entry<String, String>> parameters) {
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach(parameter -> first.putIfAbsent(parameter.getKey(), parameter.getValue()));
        return first;
    }

    static String encoded(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .map(parameter -> URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static List<Map.Entry<String, String>> decoded(String query) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : query.startsWith("?") ? query.substring(1).split("&") : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    private static List<String> values(List<Map.Entry<String, String>> parameters, String name) {
        return parameters.stream().filter(parameter -> name.equals(parameter.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    private static Optional<Instant> instant(List<String> values, boolean seconds) {
        if (values.size() != 1) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(values.getFirst());
            return value <= 0 ? Optional.empty()
                    : Optional.of(seconds ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value));
        } catch (NumberFormatException | java.time.DateTimeException malformed) {
            return Optional.empty();
        }
    }
}

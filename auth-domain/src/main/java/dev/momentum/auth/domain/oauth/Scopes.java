package dev.momentum.auth.domain.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A set of OAuth scope tokens (RFC 6749 section 3.3): space-separated on the wire, unordered, each
 * of the printable ASCII characters but the space, the double quote and the backslash.
 */
public record Scopes(SortedSet<String> values) {

    public static final String OPENID = "openid";
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final Scopes NONE = new Scopes(new TreeSet<>());

    private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");
    private static final int MOST = 64;

    public Scopes {
        values = new TreeSet<>(values);
        if (values.size() > MOST || !values.stream().allMatch(value -> TOKEN.matcher(value).matches())) {
            throw new IllegalArgumentException("not a set of scope tokens: " + values);
        }
        values = java.util.Collections.unmodifiableSortedSet(values);
    }

    /** The scopes of a {@code scope} parameter; empty when it is not one; {@link #NONE} when absent or blank. */
    public static Optional<Scopes> parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Optional.of(NONE);
        }
        Set<String> tokens = new TreeSet<>(Arrays.asList(parameter.trim().split(" +")));
        return tokens.size() <= MOST && tokens.stream().allMatch(token -> TOKEN.matcher(token).matches())
                ? Optional.of(new Scopes(new TreeSet<>(tokens))) : Optional.empty();
    }

    public static Scopes of(Collection<String> values) {
        return new Scopes(new TreeSet<>(values));
    }

    public boolean contains(String scope) {
        return values.contains(scope);
    }

    public boolean containsAll(Scopes other) {
        return values.containsAll(other.values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The scopes of both. */
    public Scopes union(Scopes other) {
        TreeSet<String> both = new TreeSet<>(values);
        both.addAll(other.values);
        return new Scopes(both);
    }

    /** The {@code scope} parameter: the tokens in order, one space apart. */
    public String value() {
        return String.join(" ", values);
    }

    @Override
    public String toString() {
        return value();
    }
}

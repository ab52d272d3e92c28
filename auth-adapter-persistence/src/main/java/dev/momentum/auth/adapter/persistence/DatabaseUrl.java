package dev.momentum.auth.adapter.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection URL as the service we replace took it, {@code postgres://user:pass@host:5432/db?sslmode=require}
 * (also {@code postgresql://}). The password never appears in {@link #toString()}.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
                          Map<String, String> parameters) {

    public DatabaseUrl {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(database, "database cannot be null");
        parameters = Map.copyOf(parameters);
    }

    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url cannot be null").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL", e);
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres:// or postgresql://");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
        }
        String userInfo = uri.getRawUserInfo();
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                decode(uri.getRawPath().substring(1)), username, password, parameters);
    }

    public String sslMode() {
        return parameters.getOrDefault("sslmode", "prefer");
    }

    /** For Liquibase, which speaks JDBC; credentials go separately. */
    public String jdbcUrl() {
        String query = parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + query;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "postgres://" + (username == null ? "" : username + ":***@") + host + ":" + port + "/" + database;
    }
}

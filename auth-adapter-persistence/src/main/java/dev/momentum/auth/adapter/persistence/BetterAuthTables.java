package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.migration.port.out.BetterAuthSchemaException;
import dev.momentum.auth.application.migration.port.out.BetterAuthSource.Shape;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * better-auth's table names (its {@code modelName} option can change them) and what the catalogue
 * says their columns are. Column names are better-auth's field names, camelCase and quoted.
 */
public record BetterAuthTables(String user, String session, String account, String verification, String jwks,
                               String twoFactor, String passkey) {

    public static final BetterAuthTables DEFAULT = new BetterAuthTables("user", "session", "account", "verification",
            "jwks", "twoFactor", "passkey");

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "user", List.of("id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"),
            "session", List.of("id", "token", "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress",
                    "userAgent"),
            "account", List.of("id", "accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken",
                    "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password", "createdAt", "updatedAt"),
            "verification", List.of("id", "identifier", "value", "expiresAt"),
            "jwks", List.of("id", "publicKey", "createdAt"),
            "twoFactor", List.of("id", "secret", "backupCodes", "userId"),
            "passkey", List.of("id", "name", "publicKey", "userId", "credentialID", "counter", "deviceType",
                    "backedUp", "transports", "createdAt"));

    private static final Set<String> OPTIONAL_TABLES = Set.of("jwks", "twoFactor", "passkey");

    public BetterAuthTables {
        for (String name : new String[] {user, session, account, verification, jwks, twoFactor, passkey}) {
            Objects.requireNonNull(name, "table names cannot be null");
        }
    }

    /**
     * The tables named {@code user=users,session=sessions}, the rest as better-auth names them.
     *
     * @throws IllegalArgumentException naming what it does not understand
     */
    public static BetterAuthTables parse(String names) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String pair : names.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] modelAndTable = pair.split("=", 2);
            String model = modelAndTable[0].strip();
            if (modelAndTable.length != 2 || !REQUIRED.containsKey(model) || modelAndTable[1].isBlank()) {
                throw new IllegalArgumentException("BETTER_AUTH_TABLES takes model=table pairs for "
                        + String.join(", ", REQUIRED.keySet().stream().sorted().toList()) + ", not '" + pair + "'");
            }
            given.put(model, modelAndTable[1].strip());
        }
        return new BetterAuthTables(given.getOrDefault("user", "user"), given.getOrDefault("session", "session"),
                given.getOrDefault("account", "account"), given.getOrDefault("verification", "verification"),
                given.getOrDefault("jwks", "jwks"), given.getOrDefault("twoFactor", "twoFactor"),
                given.getOrDefault("passkey", "passkey"));
    }

    Map<String, String> byModel() {
        return Map.of("user", user, "session", session, "account", account, "verification", verification,
                "jwks", jwks, "twoFactor", twoFactor, "passkey", passkey);
    }

    /** A table's name, quoted for SQL. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * The shape of the tables from their columns' types by table name (as the catalogue gives them);
     * refuses, in one line, a missing table or column or a creation time that is not a timestamp.
     */
    Shape shapeOf(Map<String, Map<String, String>> columnsByTable) {
        for (Map.Entry<String, String> model : byModel().entrySet()) {
            Map<String, String> columns = columnsByTable.get(model.getValue());
            if (columns == null) {
                if (OPTIONAL_TABLES.contains(model.getKey())) {
                    continue;
                }
                throw new BetterAuthSchemaException("better-auth table \"" + model.getValue()
                        + "\" not found in the current schema (set BETTER_AUTH_TABLES if its modelName was changed)");
            }
            for (String column : REQUIRED.get(model.getKey())) {
                if (!columns.containsKey(column)) {
                    throw new BetterAuthSchemaException("better-auth table \"" + model.getValue()
                            + "\" has no column \"" + column + "\"");
                }
            }
        }
        String createdAt = columnsByTable.get(user).get("createdAt");
        String flavour = switch (createdAt) {
            case "timestamp with time zone" -> "kysely";
            case "timestamp without time zone" -> "prisma";
            default -> throw new BetterAuthSchemaException("better-auth table \"" + user
                    + "\" has column \"createdAt\" of type " + createdAt + ", not a timestamp");
        };
        return new Shape(flavour, columnsByTable.get(account).containsKey("issuer"),
                columnsByTable.containsKey(twoFactor), columnsByTable.containsKey(passkey),
                columnsByTable.containsKey(jwks));
    }
}

package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.migration.port.out.BetterAuthSchemaException;
import dev.momentum.auth.application.migration.port.out.BetterAuthSource.Shape;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BetterAuthTablesTest {

    /** The four core tables with every column the import reads, all text but the user's creation time. */
    static Map<String, Map<String, String>> coreTables(String createdAtType) {
        Map<String, Map<String, String>> tables = new HashMap<>();
        for (String[] table : new String[][] {
                {"user", "id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"},
                {"session", "id", "token", "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent"},
                {"account", "id", "accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken",
                        "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password", "createdAt", "updatedAt"},
                {"verification", "id", "identifier", "value", "expiresAt"}}) {
            Map<String, String> columns = new HashMap<>();
            for (int i = 1; i < table.length; i++) {
                columns.put(table[i], "text");
            }
            tables.put(table[0], columns);
        }
        tables.get("user").put("createdAt", createdAtType);
        return tables;
    }

    @Test
    void shapeOfWhenTimestampWithZoneThenBetterAuthsMigratorAndWithoutThenPrisma() {
        assertThat(BetterAuthTables.DEFAULT.shapeOf(coreTables("timestamp with time zone")))
                .isEqualTo(new Shape("kysely", false, false, false, false));
        var prisma = coreTables("timestamp without time zone");
        prisma.get("account").put("issuer", "text");
        prisma.put("twoFactor", Map.of("id", "text", "secret", "text", "backupCodes", "text", "userId", "text"));
        assertThat(BetterAuthTables.DEFAULT.shapeOf(prisma)).isEqualTo(new Shape("prisma", true, true, false, false));
    }

    @Test
    void shapeOfWhenATableOrColumnIsMissingThenOneLineNamingIt() {
        var noSession = coreTables("timestamp with time zone");
        noSession.remove("session");
        assertThatThrownBy(() -> BetterAuthTables.DEFAULT.shapeOf(noSession))
                .isInstanceOf(BetterAuthSchemaException.class)
                .hasMessage("better-auth table \"session\" not found in the current schema (set BETTER_AUTH_TABLES if"
                        + " its modelName was changed)");
        var noToken = coreTables("timestamp with time zone");
        noToken.get("session").remove("token");
        assertThatThrownBy(() -> BetterAuthTables.DEFAULT.shapeOf(noToken))
                .hasMessage("better-auth table \"session\" has no column \"token\"");
        var brokenTwoFactor = coreTables("timestamp with time zone");
        brokenTwoFactor.put("twoFactor", Map.of("id", "text"));
        assertThatThrownBy(() -> BetterAuthTables.DEFAULT.shapeOf(brokenTwoFactor))
                .hasMessage("better-auth table \"twoFactor\" has no column \"secret\"");
        assertThatThrownBy(() -> BetterAuthTables.DEFAULT.shapeOf(coreTables("bigint")))
                .hasMessage("better-auth table \"user\" has column \"createdAt\" of type bigint, not a timestamp");
    }

    @Test
    void parseWhenModelNamesAreGivenThenThoseTablesAndBetterAuthsNamesForTheRest() {
        BetterAuthTables tables = BetterAuthTables.parse(" user = app_users ,session=app_sessions");

        assertThat(tables.user()).isEqualTo("app_users");
        assertThat(tables.session()).isEqualTo("app_sessions");
        assertThat(tables.account()).isEqualTo("account");
        assertThat(tables.twoFactor()).isEqualTo("twoFactor");
        assertThat(BetterAuthTables.parse("")).isEqualTo(BetterAuthTables.DEFAULT);
    }

    @Test
    void parseWhenNotModelEqualsTableThenRefusedNamingThePair() {
        assertThatThrownBy(() -> BetterAuthTables.parse("users=app_users"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 'users=app_users'");
        assertThatThrownBy(() -> BetterAuthTables.parse("user")).hasMessageContaining("not 'user'");
        assertThatThrownBy(() -> BetterAuthTables.parse("user=")).hasMessageContaining("not 'user='");
    }

    @Test
    void quotedWhenTheNameHoldsAQuoteThenDoubled() {
        assertThat(BetterAuthTables.quoted("user")).isEqualTo("\"user\"");
        assertThat(BetterAuthTables.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}

package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parseWhenFullUrlThenEveryPart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://auth:p%40ss%3Aword@db.internal:6543/authdb?sslmode=require");

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("authdb");
        assertThat(url.username()).isEqualTo("auth");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url.sslMode()).isEqualTo("require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/authdb?sslmode=require");
    }

    @Test
    void parseWhenPostgresqlSchemeAndNoPortThenDefault5432() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@localhost/app");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.sslMode()).isEqualTo("prefer");
    }

    @Test
    void toStringWhenPrintedThenPasswordHidden() {
        assertThat(DatabaseUrl.parse("postgres://u:hunter2@localhost/app").toString()).doesNotContain("hunter2");
    }

    @Test
    void parseWhenOtherSchemeOrNoDatabaseThenClearError() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@localhost/app"))
                .hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@localhost/"))
                .hasMessageContaining("database name");
    }
}

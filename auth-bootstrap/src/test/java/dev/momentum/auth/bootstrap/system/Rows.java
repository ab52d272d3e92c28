package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** What the database holds, read and changed over JDBC beside the running service. */
final class Rows {

    private Rows() {
    }

    static Connection connect(DatabaseUrl database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** The single number {@code sql} (with one {@code ?}) selects. */
    static long count(DatabaseUrl database, String sql, String parameter) throws Exception {
        try (var connection = connect(database); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The single text {@code sql} selects; null when it selects no row or a null. */
    static String text(DatabaseUrl database, String sql) throws Exception {
        try (var connection = connect(database); var rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs {@code sql}, with a {@code ?} for each parameter, and answers how many rows it changed. */
    static int update(DatabaseUrl database, String sql, String... parameters) throws Exception {
        try (var connection = connect(database); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}

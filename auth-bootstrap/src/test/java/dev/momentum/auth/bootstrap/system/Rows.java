package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import java.sql.DriverManager;

/** What the database holds, read over JDBC beside the running service. */
final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} (with one {@code ?}) selects. */
    static long count(DatabaseUrl database, String sql, String parameter) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}

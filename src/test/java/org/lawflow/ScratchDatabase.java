package org.lawflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh PostgreSQL database of its own, for a benchmark phase or a test that runs LawFlow as separate JVMs; dropped
 * afterwards unless it is kept for diagnosis. Names start with {@code prefix}: {@code lawflow_test_*} leftovers are
 * dropped by a later test run ({@link TestDatabase}).
 */
public record ScratchDatabase(String server, String user, String name) {

    /** On the server of env LAWFLOW_TEST_PG (default 127.0.0.1:5432), user postgres. */
    public static ScratchDatabase create(String prefix) {
        return create(System.getenv().getOrDefault("LAWFLOW_TEST_PG", "127.0.0.1:5432"), "postgres", prefix);
    }

    public static ScratchDatabase create(String server, String user, String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        var db = new ScratchDatabase(server, user, name);
        db.admin("create database " + name);
        return db;
    }

    public String url() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    public void drop() {
        admin("drop database if exists " + name + " with (force)");
    }

    public static String serverVersion(String server, String user) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, "");
                var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " not reachable: " + e.getMessage(), e);
        }
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server + ": " + e.getMessage(), e);
        }
    }
}

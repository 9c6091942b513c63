package org.lawflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh PostgreSQL database for one phase of the run, dropped afterwards unless it is to be kept. */
record BenchDatabase(String server, String user, String name) {

    static BenchDatabase create(String server, String user, String phase) {
        String name = "lawflow_bench_" + phase + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        var db = new BenchDatabase(server, user, name);
        db.admin("create database " + name);
        return db;
    }

    String url() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    void drop() {
        admin("drop database if exists " + name + " with (force)");
    }

    static String serverVersion(String server, String user) {
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

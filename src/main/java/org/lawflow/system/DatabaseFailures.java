package org.lawflow.system;

import java.sql.SQLException;
import java.util.List;

/**
 * Whether a failure means "the database connection is gone" (PostgreSQL restarted, fail-over, connections
 * terminated): then the answer is 503 with Retry-After, not 500. The JDBC driver, HikariCP, MyBatis and the engine
 * wrap it differently, so the whole cause chain is inspected: connection-class SQL states ({@code 08xxx}, operator
 * intervention {@code 57P0x}), the connection exception types, and the pool's "closed connection".
 */
final class DatabaseFailures {

    /** Messages of a lost connection as they appear in the engine REST's error bodies (which carry no types). */
    static final List<String> MESSAGES = List.of("An I/O error occurred while sending to the backend",
            "Connection is closed", "This connection has been closed", "terminating connection due to administrator command",
            "Connection refused", "Connection is not available, request timed out", "Could not open JDBC Connection",
            "Unable to acquire JDBC Connection", "the database system is shutting down",
            "the database system is starting up", "JDBC rollback failed");

    private DatabaseFailures() {
    }

    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getMessage() != null && MESSAGES.stream().anyMatch(t.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }

    static boolean mentionsConnectionLoss(String body) {
        return MESSAGES.stream().anyMatch(body::contains);
    }
}

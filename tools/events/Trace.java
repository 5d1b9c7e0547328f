// A real JVM stack trace for tests/data/events/java-trace.log: run with `java Trace.java`.
//
// Prints Spring Boot-style log lines (timestamp, level, pid, thread, logger) and, after the
// ERROR line, a real e.printStackTrace() of an exception with a cause chain ("Caused by:",
// "... N more") and a suppressed exception ("Suppressed:"), as a try-with-resources whose
// close() fails produces. The stack trace goes to stdout (printStackTrace(System.out)) so
// the log lines and the trace keep their order in one stream. Then a worker thread dies of an
// uncaught exception with a cause, which the JVM's default handler prints ("Exception in thread
// "worker-1" …", no log line before it); System.err is pointed at System.out for the same reason.

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

public class Trace {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    static final long PID = ProcessHandle.current().pid();

    static void log(String level, String logger, String message) {
        System.out.printf("%s %5s %d --- [main] %-30s : %s%n",
            LocalDateTime.now().format(TIME), level, PID, logger, message);
    }

    static class PooledConnection implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            throw new SQLException("connection reset while returning to pool", "08006");
        }
    }

    static void insertUser(String email) throws SQLException {
        throw new SQLException(
            "ERROR: duplicate key value violates unique constraint \"ix_users_email\"", "23505");
    }

    static void saveUser(String email) {
        try (PooledConnection conn = new PooledConnection()) {
            insertUser(email);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save user " + email, e);
        }
    }

    static void handleRequest(String email) {
        try {
            saveUser(email);
        } catch (IllegalStateException e) {
            throw new RuntimeException("request failed: POST /api/users", e);
        }
    }

    static void flushQueue() {
        try {
            throw new java.io.IOException("No space left on device");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write spool file", e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.setErr(System.out);
        log("INFO", "c.e.App", "Started App in 1.234 seconds");
        try {
            handleRequest("ada@example.org");
        } catch (RuntimeException e) {
            log("ERROR", "c.e.App", "request failed");
            e.printStackTrace(System.out);
        }
        log("INFO", "c.e.App", "handled 1 request");
        log("WARN", "c.e.Pool", "pool usage 90% (9/10)");
        Thread worker = new Thread(() -> {
            try {
                flushQueue();
            } catch (java.io.UncheckedIOException e) {
                throw new IllegalStateException("spool worker stopped", e);
            }
        }, "worker-1");
        worker.start();
        worker.join();
        System.out.flush();
        log("INFO", "c.e.App", "shutting down");
    }
}

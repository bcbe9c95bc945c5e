package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The database the server under test uses (H2 in server mode, or PostgreSQL), opened by the tests to check what is
 * stored and to plant rows a scenario needs.
 */
public final class TestDatabase {

    private static boolean reset;

    private TestDatabase() {
    }

    static String url() {
        String url = System.getenv("DATABASE_URL");
        if (url == null) {
            throw new IllegalStateException("DATABASE_URL is set by the failsafe configuration in pom.xml");
        }
        return url;
    }

    public static Connection connect() throws SQLException {
        String password = System.getenv("DATABASE_PASSWORD");
        return DriverManager.getConnection(url(), System.getenv("DATABASE_USER"), password == null ? "" : password);
    }

    /** Starts each test run from an empty database, so a changed migration never meets an old schema. */
    static synchronized void resetOnce() {
        if (reset) {
            return;
        }
        reset = true;
        try {
            if (url().startsWith("jdbc:h2:")) {
                deleteDirectory(Path.of(System.getProperty("latchkey.it.dataDir")));
            } else {
                String schema = url().replaceAll(".*currentSchema=([a-z_]+).*", "$1");
                try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    statement.execute("CREATE SCHEMA " + schema);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not reset the test database", e);
        }
    }

    public static Object value(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getObject(1) : null;
        }
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        return ((Number) value(sql, parameters)).longValue();
    }

    /**
     * Waits after a change made behind Latchkey's back, as another server sharing the database would make it:
     * Latchkey may go on accepting a session it checked a moment ago for {@link LatchkeyDeployment#SESSION_CHECK_CACHE}.
     */
    public static void awaitNoticeOfOutsideChange() throws InterruptedException {
        Thread.sleep(LatchkeyDeployment.SESSION_CHECK_CACHE.toMillis() + 100);
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static void deleteDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

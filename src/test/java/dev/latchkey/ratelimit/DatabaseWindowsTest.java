package dev.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database store on H2, as the migration creates its table; PostgreSQL is covered by the integration suite. */
class DatabaseWindowsTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final DatabaseWindows windows = new DatabaseWindows();
    private Connection keepAlive;

    @BeforeEach
    void createTheTable() throws SQLException, IOException {
        h2.setURL("jdbc:h2:mem:windows-" + System.nanoTime());
        keepAlive = h2.getConnection();
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V11__rate_limit_windows.sql");
             Statement statement = keepAlive.createStatement()) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String each : sql.split(";")) {
                if (!each.isBlank()) {
                    statement.execute(each);
                }
            }
        }
        windows.dataSource = h2;
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void exactlyTheLimitPassesWhenAttemptsArriveAtOnceAndEveryOneIsCounted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(threads.submit(() -> {
                go.await();
                return windows.attempt("burst", 5).allowed();
            }));
        }
        go.countDown();
        int allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(5, allowed);
        assertEquals(200, attempts("burst"));
    }

    @Test
    void attemptsCountedByAnotherNodeCountHereAndTheRefusalSaysWhenTheWindowEnds() throws SQLException {
        update("INSERT INTO rate_limit_windows VALUES (?, CURRENT_TIMESTAMP - INTERVAL '20' SECOND, 5,"
                + " CURRENT_TIMESTAMP + INTERVAL '40' SECOND)", DatabaseWindows.bucket("shared"));

        AttemptCounter.Decision refused = windows.attempt("shared", 5);
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfterSeconds() >= 39 && refused.retryAfterSeconds() <= 40,
                "Retry-After " + refused.retryAfterSeconds());
        assertEquals(6, attempts("shared"));
        assertTrue(windows.attempt("another key", 5).allowed(), "keys are counted apart");
    }

    @Test
    void keysAreStoredAsTheirHashWhateverTheirLength() throws SQLException {
        String attackerChosen = "SIGN_IN|account|email:" + "a".repeat(10_000) + "@example.com";
        assertTrue(windows.attempt(attackerChosen, 5).allowed());
        try (PreparedStatement rows = keepAlive.prepareStatement("SELECT bucket FROM rate_limit_windows");
             ResultSet row = rows.executeQuery()) {
            assertTrue(row.next());
            assertEquals(43, row.getString(1).length());
            assertFalse(row.getString(1).contains("example"));
        }
    }

    @Test
    void anEndedWindowStartsAfreshOnItsRow() throws SQLException {
        update("INSERT INTO rate_limit_windows VALUES (?, CURRENT_TIMESTAMP - INTERVAL '61' SECOND, 50,"
                + " CURRENT_TIMESTAMP - INTERVAL '1' SECOND)", DatabaseWindows.bucket("old"));

        assertTrue(windows.attempt("old", 5).allowed());
        assertEquals(1, attempts("old"));
        assertEquals(1, count("SELECT COUNT(*) FROM rate_limit_windows WHERE expires_at > CURRENT_TIMESTAMP"
                + " + INTERVAL '59' SECOND"), "the new window ends a minute from now");
    }

    @Test
    void anAttemptTakenBackFreesItsPlaceButOnlyInAWindowThatHasNotEnded() throws SQLException {
        for (int i = 0; i < 5; i++) {
            assertTrue(windows.attempt("account", 5).allowed());
        }
        windows.forgive("account");
        assertTrue(windows.attempt("account", 5).allowed(), "the place taken back is free");
        assertFalse(windows.attempt("account", 5).allowed());

        windows.forgive("unknown");
        assertEquals(0, count("SELECT COUNT(*) FROM rate_limit_windows WHERE bucket = '"
                + DatabaseWindows.bucket("unknown") + "'"), "taking back creates nothing");
        update("UPDATE rate_limit_windows SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE bucket = ?",
                DatabaseWindows.bucket("account"));
        windows.forgive("account");
        assertEquals(6, attempts("account"), "an ended window is left alone");
    }

    @Test
    void aDatabaseThatDoesNotAnswerRefusesTheAttemptWith503AndRetryAfter() {
        windows.dataSource = unreachable();

        CountsUnavailableException refused = assertThrows(CountsUnavailableException.class,
                () -> windows.attempt("anyone", 5));
        assertEquals(503, refused.status());
        assertEquals("Attempts cannot be counted right now; try again later", refused.detail());
        assertEquals("10", refused.headers().get("Retry-After"));
        windows.forgive("anyone");
    }

    @Test
    void aRowLockedLongerThanTheTimeoutRefusesTheAttemptRatherThanWaiting() throws Exception {
        assertTrue(windows.attempt("locked", 5).allowed());
        try (Connection other = h2.getConnection()) {
            other.setAutoCommit(false);
            update(other, "UPDATE rate_limit_windows SET attempts = attempts WHERE bucket = ?",
                    DatabaseWindows.bucket("locked"));
            long started = System.nanoTime();
            assertThrows(CountsUnavailableException.class, () -> windows.attempt("locked", 5));
            assertTrue(System.nanoTime() - started < (DatabaseWindows.TIMEOUT_SECONDS + 2) * 1_000_000_000L);
            other.rollback();
        }
        assertTrue(windows.attempt("locked", 5).allowed(), "counting works again once the lock is gone");
    }

    /** A data source whose every connection attempt fails, as a pool's does while the database is down. */
    private static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new SQLTransientConnectionException("Connection refused", "08001");
                });
    }

    private int attempts(String key) throws SQLException {
        return (int) count("SELECT attempts FROM rate_limit_windows WHERE bucket = '" + DatabaseWindows.bucket(key)
                + "'");
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = keepAlive.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void update(String sql, String parameter) throws SQLException {
        update(keepAlive, sql, parameter);
    }

    private static void update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}

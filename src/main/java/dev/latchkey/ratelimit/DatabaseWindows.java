package dev.latchkey.ratelimit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Counts attempts in the database's {@code rate_limit_windows} ({@code RATE_LIMIT_STORE=database}), so every node
 * sharing the database counts against the same limit.
 *
 * <p>Counts never join the caller's transaction: they must stand even when the attempt's own work rolls back, and a
 * counted row must not stay locked while a password is hashed. A count the database cannot make within
 * {@link #TIMEOUT_SECONDS} refuses the attempt with a 503 rather than letting it through uncounted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DatabaseWindows implements AttemptCounter {

    static final int TIMEOUT_SECONDS = 3;
    private static final int TRIES = 3;
    private static final Logger LOG = Logger.getLogger(DatabaseWindows.class.getName());

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public Decision attempt(String key, int limit) {
        try (Connection connection = autoCommitting(dataSource.getConnection())) {
            String sql = WindowStatements.of(connection).count();
            for (int tried = 1; ; tried++) {
                try {
                    Decision decision = count(connection, sql, bucket(key), limit);
                    recovered();
                    return decision;
                } catch (SQLException e) {
                    if (!WindowStatements.UNIQUE_VIOLATION.equals(e.getSQLState()) || tried == TRIES) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            failed(e);
            throw new CountsUnavailableException();
        }
    }

    @Override
    public void forgive(String key) {
        try (Connection connection = autoCommitting(dataSource.getConnection());
             PreparedStatement forgive = connection.prepareStatement(WindowStatements.FORGIVE)) {
            forgive.setQueryTimeout(TIMEOUT_SECONDS);
            forgive.setString(1, bucket(key));
            forgive.executeUpdate();
        } catch (SQLException e) {
            // The attempt it takes back has succeeded; at worst it counts until the window ends.
            failed(e);
        }
    }

    private static Decision count(Connection connection, String sql, String bucket, int limit) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setQueryTimeout(TIMEOUT_SECONDS);
            count.setString(1, bucket);
            try (ResultSet window = count.executeQuery()) {
                window.next();
                OffsetDateTime ends = window.getObject(2, OffsetDateTime.class);
                OffsetDateTime now = window.getObject(3, OffsetDateTime.class);
                return Decision.of(window.getInt(1), limit, Duration.between(now, ends).toMillis());
            }
        }
    }

    private static Connection autoCommitting(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /** The stored name of a key: its SHA-256, so emails are not kept and every row has the same size. */
    static String bucket(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Logs the first failure of a series only, so a database that is down does not flood the log. */
    private void failed(SQLException e) {
        if (failing.compareAndSet(false, true)) {
            // The first line only: H2 goes on with the whole statement.
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            LOG.warning(() -> "Rate-limit counts failed in the database (SQL state " + e.getSQLState() + ": "
                    + reason + "); rate-limited requests are answered 503 until it answers again");
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Rate-limit counts work again in the database");
        }
    }
}

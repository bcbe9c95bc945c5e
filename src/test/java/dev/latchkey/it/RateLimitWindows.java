package dev.latchkey.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/**
 * The rows of {@code rate_limit_windows}, where the database store counts attempts: read, and planted as another node
 * sharing the database would have counted them.
 */
final class RateLimitWindows {

    private RateLimitWindows() {
    }

    /** The key of sign-in attempts from one client address, as it is stored (its SHA-256). */
    static String signInsFrom(String clientAddress) {
        return bucket("SIGN_IN|ip|" + clientAddress);
    }

    static String bucket(String key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attempts counted in the bucket's window, 0 when it has no row. */
    static long attempts(String bucket) throws SQLException {
        Object attempts = TestDatabase.value("SELECT attempts FROM rate_limit_windows WHERE bucket = ?", bucket);
        return attempts == null ? 0 : ((Number) attempts).longValue();
    }

    /** Seconds until the bucket's window ends, by the database's clock. */
    static long secondsLeft(String bucket) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT expires_at, CURRENT_TIMESTAMP FROM rate_limit_windows WHERE bucket = ?")) {
            select.setString(1, bucket);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Duration.between(row.getObject(2, OffsetDateTime.class),
                        row.getObject(1, OffsetDateTime.class)).toSeconds();
            }
        }
    }

    /** Counts {@code attempts} more in the bucket's current window, as another node would have. */
    static void countElsewhere(String bucket, int attempts) throws SQLException {
        TestDatabase.update("UPDATE rate_limit_windows SET attempts = attempts + ? WHERE bucket = ?", attempts, bucket);
    }

    /** Plants a window that started {@code agoSeconds} ago (ended if that is a minute or more). */
    static void plant(String bucket, int attempts, int agoSeconds) throws SQLException {
        plant(List.of(bucket), attempts, agoSeconds);
    }

    /** Plants one such window for each bucket, in one transaction. */
    static void plant(List<String> buckets, int attempts, int agoSeconds) throws SQLException {
        // Literal intervals: both H2 and PostgreSQL read INTERVAL 'n' SECOND, neither a parameter times an interval.
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO rate_limit_windows (bucket,"
                     + " window_start, attempts, expires_at) VALUES (?, CURRENT_TIMESTAMP - INTERVAL '" + agoSeconds
                     + "' SECOND, ?, CURRENT_TIMESTAMP + INTERVAL '" + (60 - agoSeconds) + "' SECOND)")) {
            connection.setAutoCommit(false);
            for (String bucket : buckets) {
                insert.setString(1, bucket);
                insert.setInt(2, attempts);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}

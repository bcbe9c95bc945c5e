package dev.latchkey.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL that counts an attempt in {@code rate_limit_windows} in one atomic statement returning the new count, the
 * window's end and the database's clock, in each database's dialect.
 *
 * <p>Every node takes the time from the database, so nodes whose clocks differ still agree on when a window ends.
 */
enum WindowStatements {

    // synchronous_commit is turned off for this statement's own transaction only: its commit then does not wait for
    // the disk (3.4 ms against 0.1 ms here), and other attempts on the row wait that much less for its lock. A crash
    // of PostgreSQL may forget the last fraction of a second of counts, which is harmless; nothing else is affected.
    POSTGRESQL("INSERT INTO rate_limit_windows AS w (bucket, window_start, attempts, expires_at)"
            + " SELECT ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP + " + WindowStatements.LENGTH
            + " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unsynchronized"
            + " ON CONFLICT (bucket) DO UPDATE SET"
            + " attempts = CASE WHEN w.expires_at > EXCLUDED.window_start THEN w.attempts + 1 ELSE 1 END,"
            + " window_start = CASE WHEN w.expires_at > EXCLUDED.window_start"
            + " THEN w.window_start ELSE EXCLUDED.window_start END,"
            + " expires_at = CASE WHEN w.expires_at > EXCLUDED.window_start"
            + " THEN w.expires_at ELSE EXCLUDED.expires_at END"
            + " RETURNING attempts, expires_at, CURRENT_TIMESTAMP"),

    // H2 has no ON CONFLICT; its MERGE locks a matched row, so the count is exact, but two first attempts on one key
    // may both insert, and the loser fails with a duplicate key (and is run again: the row is there now).
    H2("SELECT attempts, expires_at, CURRENT_TIMESTAMP FROM FINAL TABLE (MERGE INTO rate_limit_windows w"
            + " USING (VALUES (CAST(? AS VARCHAR(64)))) AS s (bucket) ON w.bucket = s.bucket"
            + " WHEN MATCHED AND w.expires_at > CURRENT_TIMESTAMP THEN UPDATE SET attempts = w.attempts + 1"
            + " WHEN MATCHED THEN UPDATE SET attempts = 1, window_start = CURRENT_TIMESTAMP,"
            + " expires_at = CURRENT_TIMESTAMP + " + WindowStatements.LENGTH
            + " WHEN NOT MATCHED THEN INSERT (bucket, window_start, attempts, expires_at)"
            + " VALUES (s.bucket, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP + " + WindowStatements.LENGTH + "))");

    /** The window's length, one minute, as both dialects write an interval. */
    static final String LENGTH = "INTERVAL '60' SECOND";

    /** Takes back one attempt of a window that has not ended; the same in both dialects. */
    static final String FORGIVE = "UPDATE rate_limit_windows SET attempts = attempts - 1"
            + " WHERE bucket = ? AND attempts > 0 AND expires_at > CURRENT_TIMESTAMP";

    /** The SQL state of a duplicate key. */
    static final String UNIQUE_VIOLATION = "23505";

    private final String count;

    WindowStatements(String count) {
        this.count = count;
    }

    String count() {
        return count;
    }

    static WindowStatements of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}

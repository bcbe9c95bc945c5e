package dev.latchkey.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lifts the PostgreSQL statement and socket timeouts while a migration runs, and puts them back after it: they are
 * there so that requests fail fast, and a migration of a large table may rightly take minutes.
 */
class MigrationTimeouts implements Callback {

    private static final Logger LOG = Logger.getLogger(MigrationTimeouts.class.getName());

    private int networkTimeoutMillis;

    @Override
    public boolean supports(Event event, Context context) {
        return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE) && onPostgres(context);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                networkTimeoutMillis = connection.getNetworkTimeout();
                connection.setNetworkTimeout(Runnable::run, 0);
                statement.execute("SET statement_timeout = 0");
            } else {
                // Back to the value the connection was opened with (DATABASE_TIMEOUT_SECONDS).
                statement.execute("RESET statement_timeout");
                connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not change the database timeouts around a migration: " + e.getMessage());
        }
    }

    @Override
    public String getCallbackName() {
        return "latchkey-migration-timeouts";
    }

    private static boolean onPostgres(Context context) {
        try {
            return context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            return false;
        }
    }
}

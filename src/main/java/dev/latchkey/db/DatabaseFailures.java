package dev.latchkey.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure that means "the database is not answering" (down, cut off, restarting, too slow) from any other,
 * whatever the JPA provider, pool or driver wrapped it in.
 */
public final class DatabaseFailures {

    /** What a client is told; a database that is back within seconds serves the retry. */
    public static final String DETAIL = "The database is not answering; try again later.";
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * SQLState prefixes: connection exceptions (08), shutdown or restart (57P01-57P03), a statement cancelled by
     * {@code statement_timeout} (57014), too many connections (53300), a lock not obtained in time (55P03) and the
     * standard timeout classes (HYT00, HYT01). Unique violations and other data errors are not among them: those are
     * answered by the feature that met them, or as a 500.
     */
    private static final String[] STATES = {"08", "57P01", "57P02", "57P03", "57014", "53300", "55P03", "HYT0"};

    /** A pool or connector that could not hand out a connection (GlassFish, IronJacamar, Liberty). */
    private static final String RESOURCE_EXCEPTION = "jakarta.resource.ResourceException";

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            if (meansUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean meansUnavailable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLTimeoutException || failure instanceof SQLRecoverableException
                || failure instanceof ConnectException || failure instanceof SocketTimeoutException
                // The transaction manager could not enlist or commit the one resource there is: the database.
                || failure instanceof XAException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            for (String state : STATES) {
                if (sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        // By name: the connector API is not visible to every application (Open Liberty's Web Profile).
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(RESOURCE_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable failure) {
        if (failure.getCause() != null) {
            return failure.getCause();
        }
        return failure instanceof SQLException sql ? sql.getNextException() : null;
    }
}

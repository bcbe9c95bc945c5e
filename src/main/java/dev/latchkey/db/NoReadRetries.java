package dev.latchkey.db;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Stops EclipseLink (Payara's and Open Liberty's JPA provider) from retrying a read that met a broken connection.
 *
 * <p>By default it first pings the connection with a query of its own, then tries such a read three more times, 5 s
 * apart, so a request held its thread for 10-15 s while the database was away instead of failing within
 * {@code DATABASE_TIMEOUT_SECONDS}; the pool and {@link ReconnectingConnection} replace broken connections
 * themselves. Named in persistence.xml; Hibernate (WildFly) ignores it and does neither.
 */
public class NoReadRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setConnectionHealthValidatedOnError(false);
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}

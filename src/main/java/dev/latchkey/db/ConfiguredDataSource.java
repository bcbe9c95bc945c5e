package dev.latchkey.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The container-pooled data source, pointing at H2 or PostgreSQL as {@code DATABASE_URL} says at run time.
 *
 * <p>PostgreSQL connections are bounded by {@code DATABASE_TIMEOUT_SECONDS}: connecting and signing in, and each
 * statement (the server cancels it); a socket that stays silent one second longer is given up, so a database that
 * is down or cut off fails a request within that time instead of holding its thread. Timeouts the URL names win.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;
    private String description;

    /**
     * A label only. WildFly refuses a data source class without a String property set by the definition
     * ({@code IJ031103}), and the connection settings come from the environment, so this is the one it gets.
     */
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource database = delegate();
        // PostgreSQL is across a network that can break a pooled connection; H2 here is a file of this process.
        if (database instanceof PGSimpleDataSource) {
            return ReconnectingConnection.open(database::getConnection);
        }
        return database.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        // The pool may pass the (empty) annotation credentials: the configured ones always win.
        return getConnection();
    }

    private DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(DatabaseSettings.load());
                }
                current = delegate;
            }
        }
        return current;
    }

    static DataSource create(DatabaseSettings settings) {
        if (settings.url().startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(settings.url());
            postgres.setUser(settings.user());
            postgres.setPassword(settings.password());
            bound(postgres, settings.url(), settings.timeoutSeconds());
            return postgres;
        }
        if (settings.url().startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user());
            h2.setPassword(settings.password());
            return h2;
        }
        throw new IllegalStateException("DATABASE_URL must start with jdbc:h2: or jdbc:postgresql:");
    }

    private static void bound(PGSimpleDataSource postgres, String url, int seconds) {
        Properties named = Driver.parseURL(url, null);
        if (named == null) {
            throw new IllegalStateException("DATABASE_URL is not a PostgreSQL JDBC URL");
        }
        if (!named.containsKey("connectTimeout")) {
            postgres.setConnectTimeout(seconds);
        }
        if (!named.containsKey("loginTimeout")) {
            postgres.setLoginTimeout(seconds);
        }
        if (!named.containsKey("socketTimeout")) {
            postgres.setSocketTimeout(seconds + 1);
        }
        String options = named.getProperty("options", "");
        if (!options.contains("statement_timeout")) {
            postgres.setOptions((options + " -c statement_timeout=" + seconds + "s").trim());
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}

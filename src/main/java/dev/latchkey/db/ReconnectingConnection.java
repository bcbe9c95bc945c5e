package dev.latchkey.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A pooled PostgreSQL connection that, once the database or the network has broken it, opens a new one in its place
 * at the next transaction boundary, so a server recovers by itself when the database is back.
 *
 * <p>The pools differ: Open Liberty drops its pool at a connection error, but Payara and WildFly keep an
 * application-defined data source's broken connections (WildFly for ever: no validation, no exception sorter can be
 * set from {@code @DataSourceDefinition}; validating on Payara costs a round trip per request). The driver closes a
 * connection at any I/O error. Once it has, calls that only reset state ({@code rollback}, {@code setAutoCommit},
 * warnings) are answered without the network, so returning it to the pool costs no time, and the next statement gets
 * a new connection, unless statements of the current transaction went to the broken one: then it fails as the
 * driver would, until the transaction is rolled back.
 */
final class ReconnectingConnection implements InvocationHandler {

    /** Opens a new physical connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private static final Set<String> WORK = Set.of("createStatement", "prepareStatement", "prepareCall",
            "setSavepoint", "getMetaData", "nativeSQL");

    private final Opener opener;
    private Connection physical;
    private boolean closed;
    private boolean autoCommit = true;
    private Boolean readOnly;
    private Integer isolation;
    /** Statements were prepared since the transaction began: they are lost if the connection breaks. */
    private boolean transactionBegun;

    private ReconnectingConnection(Opener opener, Connection physical) {
        this.opener = opener;
        this.physical = physical;
    }

    static Connection open(Opener opener) throws SQLException {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ReconnectingConnection(opener, opener.open()));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "isClosed":
                return closed;
            case "close":
                closed = true;
                physical.close();
                return null;
            case "isValid":
                return !closed && !physical.isClosed() && physical.isValid((Integer) args[0]);
            default:
                break;
        }
        if (!closed && physical.isClosed()) {
            return whileBroken(method, args);
        }
        return delegate(method, args);
    }

    private Object whileBroken(Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "rollback", "setAutoCommit", "setReadOnly", "setTransactionIsolation", "clearWarnings":
                remember(name, args);
                return null;
            case "getAutoCommit":
                return autoCommit;
            case "getWarnings":
                return null;
            default:
                break;
        }
        if (WORK.contains(name) && (autoCommit || !transactionBegun)) {
            replace();
        }
        return delegate(method, args);
    }

    private Object delegate(Method method, Object[] args) throws Throwable {
        try {
            Object result = method.invoke(physical, args);
            remember(method.getName(), args);
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A new connection with the settings the pool gave the broken one. */
    private void replace() throws SQLException {
        Connection fresh = opener.open();
        try {
            if (isolation != null) {
                fresh.setTransactionIsolation(isolation);
            }
            if (readOnly != null) {
                fresh.setReadOnly(readOnly);
            }
            fresh.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            fresh.close();
            throw e;
        }
        physical = fresh;
    }

    private void remember(String name, Object[] args) {
        switch (name) {
            case "setAutoCommit" -> {
                autoCommit = (Boolean) args[0];
                transactionBegun = false;
            }
            case "rollback", "commit" -> transactionBegun = args != null && args.length > 0;
            case "createStatement", "prepareStatement", "prepareCall" -> transactionBegun = !autoCommit;
            case "setReadOnly" -> readOnly = (Boolean) args[0];
            case "setTransactionIsolation" -> isolation = (Integer) args[0];
            default -> {
            }
        }
    }
}

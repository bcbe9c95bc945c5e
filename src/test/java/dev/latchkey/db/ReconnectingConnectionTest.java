package dev.latchkey.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectingConnectionTest {

    /** A physical connection that remembers what it was asked and can be broken, as an I/O error leaves pgjdbc's. */
    static final class Physical {
        final List<String> calls = new ArrayList<>();
        boolean broken;
        boolean closed;
        final Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("isClosed")) {
                        return broken || closed;
                    }
                    calls.add(name + (args == null ? "" : "(" + args[0] + ")"));
                    if (broken) {
                        throw new SQLException("This connection has been closed.", "08003");
                    }
                    return switch (name) {
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        case "isValid", "getAutoCommit" -> true;
                        default -> null;
                    };
                });
    }

    private final List<Physical> opened = new ArrayList<>();
    private Connection pooled;

    @BeforeEach
    void open() throws SQLException {
        pooled = ReconnectingConnection.open(() -> {
            Physical physical = new Physical();
            opened.add(physical);
            return physical.connection;
        });
        pooled.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    @Test
    void brokenInAutoCommitModeTheNextStatementGoesToANewConnectionWithTheSameSettings() throws SQLException {
        opened.get(0).broken = true;

        pooled.prepareStatement("SELECT 1");

        assertEquals(2, opened.size());
        assertEquals(List.of("setTransactionIsolation(2)", "setAutoCommit(true)", "prepareStatement(SELECT 1)"),
                opened.get(1).calls);
    }

    @Test
    void brokenInTheMiddleOfATransactionItFailsUntilRolledBackSoNoHalfTransactionCommits() throws SQLException {
        pooled.setAutoCommit(false);
        pooled.prepareStatement("INSERT 1");
        opened.get(0).broken = true;

        assertThrows(SQLException.class, () -> pooled.prepareStatement("INSERT 2"));
        assertThrows(SQLException.class, () -> pooled.commit());
        assertEquals(1, opened.size(), "no new connection while the transaction's first statement is lost");

        pooled.rollback();
        pooled.prepareStatement("INSERT 2");

        assertEquals(2, opened.size());
        assertEquals(List.of("setTransactionIsolation(2)", "setAutoCommit(false)", "prepareStatement(INSERT 2)"),
                opened.get(1).calls);
    }

    @Test
    void resettingABrokenConnectionForThePoolNeedsNoNetworkAndOpensNothing() throws SQLException {
        opened.get(0).broken = true;
        int before = opened.get(0).calls.size();

        pooled.rollback();
        pooled.setAutoCommit(true);
        pooled.clearWarnings();

        assertTrue(pooled.getAutoCommit());
        assertEquals(before, opened.get(0).calls.size());
        assertEquals(1, opened.size());
        assertFalse(pooled.isValid(1), "a pool that validates drops it");
        assertFalse(pooled.isClosed(), "closed is the pool's word, not the driver's");
    }

    @Test
    void aNewTransactionOnABrokenConnectionStartsOnANewOne() throws SQLException {
        opened.get(0).broken = true;

        pooled.setAutoCommit(false);
        pooled.prepareStatement("UPDATE 1");

        assertEquals(2, opened.size());
    }

    @Test
    void closingClosesThePhysicalConnection() throws SQLException {
        pooled.close();

        assertTrue(opened.get(0).closed);
        assertTrue(pooled.isClosed());
    }
}

package dev.latchkey.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void aBrokenOrRefusedConnectionWhateverWrapsItMeansTheDatabaseIsNotAnswering() {
        assertTrue(DatabaseFailures.unavailable(new PersistenceException("query failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(DatabaseFailures.unavailable(new IllegalStateException(new SQLTransientConnectionException("x"))));
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(
                new SQLException("Error in allocating a connection", null, new ResourceAllocationException("pool")))));
    }

    @Test
    void shutdownsRestartsAndTimeoutsMeanTheSame() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "57014", "53300", "55P03", "HYT00"}) {
            assertTrue(DatabaseFailures.unavailable(new PersistenceException(new SQLException("x", state))), state);
        }
    }

    @Test
    void aTransactionTheDatabaseCouldNotTakePartInMeansTheSame() {
        SystemException system = new SystemException();
        system.initCause(new XAException("This Managed Connection is not valid"));
        assertTrue(DatabaseFailures.unavailable(new TransactionalException("commit failed", system)));
    }

    @Test
    void aConnectionErrorFoundInTheNextExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "22000");
        batch.setNextException(new SQLException("connection lost", "08003"));
        assertTrue(DatabaseFailures.unavailable(batch));
    }

    @Test
    void dataErrorsAndBugsAreNotOutages() {
        assertFalse(DatabaseFailures.unavailable(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseFailures.unavailable(new PersistenceException(new SQLException("no state"))));
        assertFalse(DatabaseFailures.unavailable(new IllegalStateException("a bug")));
        assertFalse(DatabaseFailures.unavailable(new TransactionalException("rolled back", new SystemException())));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(DatabaseFailures.unavailable(first));
    }
}

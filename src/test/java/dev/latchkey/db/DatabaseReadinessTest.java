package dev.latchkey.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

    private final AtomicInteger connections = new AtomicInteger();

    @Test
    void probesInTheSameSecondCostOneConnection() {
        DatabaseReadiness readiness = readiness(true);
        for (int i = 0; i < 50; i++) {
            assertEquals(Status.UP, readiness.call().getStatus());
        }
        assertEquals(1, connections.get());
        assertEquals("database", readiness.call().getName());
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsDown() {
        DatabaseReadiness readiness = readiness(false);
        assertEquals(Status.DOWN, readiness.call().getStatus());
        assertEquals(Status.DOWN, readiness.call().getStatus());
        assertEquals(1, connections.get());
    }

    private DatabaseReadiness readiness(boolean answers) {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> true;
                    default -> null;
                });
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return null;
                    }
                    connections.incrementAndGet();
                    if (!answers) {
                        throw new SQLException("Connection refused");
                    }
                    return connection;
                });
        return readiness;
    }
}

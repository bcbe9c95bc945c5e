package dev.latchkey.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Latchkey ready only while its database answers (within {@code DATABASE_TIMEOUT_SECONDS} on PostgreSQL); the
 * liveness check does not look at the database, so a database outage never gets a node restarted.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    // A server's own health endpoint may run checks on its threads (WildFly's management interface, where its
    // MicroProfile Health subsystem is on), where java:app is not bound: inject while deploying.
    void createWhenDeployed(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return answer(connection.isValid(2));
        } catch (SQLException | RuntimeException e) {
            return answer(false);
        }
    }

    // Built directly: the API's builders need a server's MicroProfile Health, which WildFly and Liberty here do not run.
    private static HealthCheckResponse answer(boolean up) {
        return new HealthCheckResponse("database", up ? Status.UP : Status.DOWN, Optional.empty());
    }
}

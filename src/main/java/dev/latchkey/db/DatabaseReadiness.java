package dev.latchkey.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
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

    // WildFly runs health checks on its management threads, where java:app is not bound: inject while deploying.
    void createWhenDeployed(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().build();
        }
    }
}

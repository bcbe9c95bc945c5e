package dev.latchkey.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Latchkey ready only while its database answers (within {@code DATABASE_TIMEOUT_SECONDS} on PostgreSQL, looked
 * at once a second at most); the liveness check does not look at the database, so an outage never restarts a node.
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

    /** How long one look at the database answers every probe: a flood of probes costs one connection a second. */
    static final long REMEMBERED_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicReference<Look> last = new AtomicReference<>();
    private final ReentrantLock looking = new ReentrantLock();

    /** Whether the database answered, and when that look ended. */
    private record Look(boolean up, long endedNanos) {
    }

    @Override
    public HealthCheckResponse call() {
        Look seen = last.get();
        if (seen != null && System.nanoTime() - seen.endedNanos() < REMEMBERED_NANOS) {
            return answer(seen.up());
        }
        if (!looking.tryLock()) {
            // Another probe is looking (for up to the database's timeouts): answer what was seen last.
            return answer(seen != null && seen.up());
        }
        try {
            Look now = new Look(databaseAnswers(), System.nanoTime());
            last.set(now);
            return answer(now.up());
        } finally {
            looking.unlock();
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    // Built directly: the API's builders need a server's MicroProfile Health, which WildFly and Liberty here do not run.
    private static HealthCheckResponse answer(boolean up) {
        return new HealthCheckResponse("database", up ? Status.UP : Status.DOWN, Optional.empty());
    }
}

package dev.latchkey.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Declares Latchkey's data source and brings its schema up to date with Flyway before anything else runs.
 *
 * <p>{@code fish.payara.max-wait-time-in-millis} (Payara's; WildFly warns and ignores it) bounds the wait for a free
 * connection to 3 s instead of 60. No pool validation: it would cost a round trip per request and, on a silent
 * network, a socket timeout on top of the request's own; {@link ReconnectingConnection} replaces broken connections.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/latchkey",
        className = "dev.latchkey.db.ConfiguredDataSource",
        properties = {
            "description=Latchkey",
            "fish.payara.max-wait-time-in-millis=3000"},
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .callbacks(new MigrationTimeouts())
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}

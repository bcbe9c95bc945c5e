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
 * <p>The {@code fish.payara} properties (ignored elsewhere) make Payara check a pooled connection before handing it
 * out, at most once every 5 s ({@code isValid}, one round trip), so connections broken while the database was away
 * are replaced once it is back, and wait at most 3 s for a free connection instead of 60.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/latchkey",
        className = "dev.latchkey.db.ConfiguredDataSource",
        properties = {
            "description=Latchkey",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
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

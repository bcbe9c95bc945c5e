package dev.latchkey.db;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD} settings.
 */
record DatabaseSettings(String url, String user, String password) {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/latchkey";

    // The container creates the data source outside any CDI injection, so the settings are looked up here.
    static DatabaseSettings load() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        return new DatabaseSettings(
                config.getOptionalValue("DATABASE_URL", String.class).orElse(DEFAULT_URL),
                config.getOptionalValue("DATABASE_USER", String.class).orElse(""),
                config.getOptionalValue("DATABASE_PASSWORD", String.class).orElse(""));
    }
}

package dev.latchkey.db;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD} and {@code DATABASE_TIMEOUT_SECONDS}
 * settings.
 */
record DatabaseSettings(String url, String user, String password, int timeoutSeconds) {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/latchkey";
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int LONGEST_TIMEOUT_SECONDS = 60;

    DatabaseSettings {
        if (timeoutSeconds < 1 || timeoutSeconds > LONGEST_TIMEOUT_SECONDS) {
            throw new IllegalStateException("DATABASE_TIMEOUT_SECONDS must be between 1 and "
                    + LONGEST_TIMEOUT_SECONDS + ", not " + timeoutSeconds);
        }
    }

    // The container creates the data source outside any CDI injection, so the settings are looked up here.
    static DatabaseSettings load() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        String timeout = config.getOptionalValue("DATABASE_TIMEOUT_SECONDS", String.class)
                .orElse(Integer.toString(DEFAULT_TIMEOUT_SECONDS)).trim();
        return new DatabaseSettings(
                config.getOptionalValue("DATABASE_URL", String.class).orElse(DEFAULT_URL),
                config.getOptionalValue("DATABASE_USER", String.class).orElse(""),
                config.getOptionalValue("DATABASE_PASSWORD", String.class).orElse(""),
                seconds(timeout));
    }

    private static int seconds(String timeout) {
        try {
            return Integer.parseInt(timeout);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("DATABASE_TIMEOUT_SECONDS must be between 1 and "
                    + LONGEST_TIMEOUT_SECONDS + ", not " + timeout);
        }
    }
}

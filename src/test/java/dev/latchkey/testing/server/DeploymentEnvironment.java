package dev.latchkey.testing.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;

/**
 * The data source settings a test deployment carries ({@code DATABASE_*} in its settings jar), handed to the server's
 * environment as well: Open Liberty's server.xml reads them from there, not from the application's configuration.
 */
final class DeploymentEnvironment {

    private static final String SETTINGS_JAR = "/WEB-INF/lib/latchkey-it-settings.jar";
    private static final String SETTINGS = "/META-INF/microprofile-config.properties";

    private DeploymentEnvironment() {
    }

    static Map<String, String> of(Archive<?> war) {
        Map<String, String> environment = new TreeMap<>();
        Properties properties = settings(war);
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("DATABASE_"))
                .forEach(name -> environment.put(name, properties.getProperty(name)));
        return environment;
    }

    /** Every setting the deployment's settings jar carries (none for a WAR without one). */
    static Properties settings(Archive<?> war) {
        Properties properties = new Properties();
        Node jar = war.get(SETTINGS_JAR);
        if (jar == null || !(jar.getAsset() instanceof ArchiveAsset nested)) {
            return properties;
        }
        Node settings = nested.getArchive().get(SETTINGS);
        if (settings == null) {
            return properties;
        }
        try (InputStream content = settings.getAsset().openStream()) {
            properties.load(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the deployment's settings", e);
        }
        return properties;
    }
}

package dev.latchkey.testing.server;

import java.nio.file.Path;
import java.util.Set;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** One {@code arquillian.xml} container of kind {@code latchkey-server}: which server, on which port. */
public class LatchkeyServerConfiguration implements ContainerConfiguration {

    private static final Set<String> SERVERS = Set.of("payara", "payara-server", "wildfly", "liberty");

    private String server = "payara";
    private int port;
    private int startupTimeoutInSeconds = 240;
    private String projectDirectory = ".";

    @Override
    public void validate() throws ConfigurationException {
        if (!SERVERS.contains(server)) {
            throw new ConfigurationException("server must be one of " + SERVERS + ", not " + server);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("port must be 0 (any free port) or a port number, not " + port);
        }
    }

    public String getServer() {
        return server;
    }

    /** payara (Micro), payara-server, wildfly or liberty: the argument given to {@code server/start}. */
    public void setServer(String server) {
        this.server = server;
    }

    public int getPort() {
        return port;
    }

    /** 0 picks a free port for each server started. */
    public void setPort(int port) {
        this.port = port;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    public Path projectDirectory() {
        return Path.of(projectDirectory).toAbsolutePath().normalize();
    }

    /** The repository root, where {@code server/start} and {@code target/} are. */
    public void setProjectDirectory(String projectDirectory) {
        this.projectDirectory = projectDirectory;
    }
}

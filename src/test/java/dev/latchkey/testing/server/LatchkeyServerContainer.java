package dev.latchkey.testing.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * An Arquillian container that runs each deployment with {@code server/start <server>}, as users run Latchkey, and
 * keeps that server for the next test class deploying the same WAR: only a different configuration boots again.
 */
public class LatchkeyServerContainer implements DeployableContainer<LatchkeyServerConfiguration> {

    /** The WARs of earlier runs are removed once per test JVM, before its first server starts. */
    private static final AtomicBoolean EARLIER_RUNS_REMOVED = new AtomicBoolean();

    private LatchkeyServerConfiguration configuration;
    private RunningServer running;

    @Override
    public Class<LatchkeyServerConfiguration> getConfigurationClass() {
        return LatchkeyServerConfiguration.class;
    }

    @Override
    public void setup(LatchkeyServerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String fingerprint = DeploymentFingerprint.of(archive);
        if (running == null || !running.serves(fingerprint)) {
            stopRunning();
            running = RunningServer.start(configuration, export(archive, fingerprint), fingerprint,
                    DeploymentEnvironment.of(archive));
        }
        return new ProtocolMetaData().addContext(new HTTPContext("localhost", running.port()));
    }

    /** The server stays up: the next test class may deploy the same WAR. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public synchronized void stop() {
        stopRunning();
    }

    private void stopRunning() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private Path export(Archive<?> archive, String fingerprint) throws DeploymentException {
        Path servers = configuration.projectDirectory().resolve("target/it-servers");
        try {
            if (!EARLIER_RUNS_REMOVED.getAndSet(true)) {
                removeEarlierRuns(servers);
            }
            // Named ROOT.war, as the servers derive the context root from the name.
            Path war = Files.createDirectories(servers.resolve(fingerprint.substring(0, 12))).resolve("ROOT.war");
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            return war;
        } catch (IOException e) {
            throw new DeploymentException("Could not write the WAR under target/it-servers", e);
        }
    }

    private static void removeEarlierRuns(Path servers) throws IOException {
        if (Files.isDirectory(servers)) {
            try (Stream<Path> paths = Files.walk(servers)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

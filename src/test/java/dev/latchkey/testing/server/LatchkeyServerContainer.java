package dev.latchkey.testing.server;

import java.nio.file.Files;
import java.nio.file.Path;
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
            running = RunningServer.start(configuration, export(archive, fingerprint), fingerprint);
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
        try {
            // Named ROOT.war, as the servers derive the context root from the name.
            Path war = Files.createDirectories(configuration.projectDirectory()
                    .resolve("target/it-servers").resolve(fingerprint.substring(0, 12))).resolve("ROOT.war");
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            return war;
        } catch (java.io.IOException e) {
            throw new DeploymentException("Could not write the WAR under target/it-servers", e);
        }
    }
}

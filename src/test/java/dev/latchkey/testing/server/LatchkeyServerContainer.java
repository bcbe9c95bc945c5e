package dev.latchkey.testing.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
 * keeps that server for the next test class deploying the same WAR: only a different configuration boots again,
 * and it boots while the tests of the configuration before it run.
 */
public class LatchkeyServerContainer implements DeployableContainer<LatchkeyServerConfiguration> {

    /** The WARs of earlier runs are removed once per test JVM, before its first server starts. */
    private static final AtomicBoolean EARLIER_RUNS_REMOVED = new AtomicBoolean();

    /** Two, as a configuration whose tests take a few seconds leaves the next one too little time to boot. */
    private static final int BOOTED_AHEAD = 2;

    private LatchkeyServerConfiguration configuration;
    private RunningServer running;
    private final Deque<BootingAhead> ahead = new ArrayDeque<>();

    /** The server of the next configuration, booting in the background. */
    private record BootingAhead(String fingerprint, CompletableFuture<RunningServer> server) {
    }

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
            Optional<RunningServer> booted = bootedAhead(fingerprint);
            running = booted.isPresent() ? booted.get() : start(archive, fingerprint);
        }
        bootNextAhead(fingerprint);
        return new ProtocolMetaData().addContext(new HTTPContext("localhost", running.port()));
    }

    /** The server stays up: the next test class may deploy the same WAR. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public synchronized void stop() {
        stopRunning();
        ahead.forEach(booting -> booting.server().thenAccept(RunningServer::close));
        ahead.clear();
    }

    private RunningServer start(Archive<?> archive, String fingerprint) throws DeploymentException {
        return RunningServer.start(configuration, export(archive, fingerprint), fingerprint,
                DeploymentEnvironment.of(archive));
    }

    /**
     * Starts the servers of the configurations whose tests come next, unless this container's port is fixed (two
     * servers cannot share it), the server is Payara Server (its JMS broker's port is fixed too), or a configuration's
     * timers would reach into the rows of the tests running before its turn.
     */
    private void bootNextAhead(String fingerprint) {
        if (configuration.getPort() != 0 || configuration.getServer().equals("payara-server")) {
            return;
        }
        for (UpcomingDeployments.Upcoming next : UpcomingDeployments.following(fingerprint, BOOTED_AHEAD)) {
            if (!isBootingAhead(next.fingerprint()) && !next.bootsOnlyInTurn()) {
                ahead.add(new BootingAhead(next.fingerprint(), CompletableFuture.supplyAsync(() -> {
                    try {
                        return start(next.archive(), next.fingerprint());
                    } catch (DeploymentException e) {
                        throw new CompletionException(e);
                    }
                }, task -> daemon(task).start())));
            }
        }
    }

    /**
     * The server booted ahead for {@code fingerprint}, once ready, if one was; those booted for configurations
     * before it are stopped, and one that failed to boot is left for the caller to boot again, so its failure is
     * reported as any other.
     */
    private Optional<RunningServer> bootedAhead(String fingerprint) {
        boolean planned = isBootingAhead(fingerprint);
        while (planned && !ahead.isEmpty()) {
            BootingAhead booting = ahead.poll();
            try {
                RunningServer server = booting.server().get();
                if (booting.fingerprint().equals(fingerprint)) {
                    return Optional.of(server);
                }
                server.close();
            } catch (ExecutionException e) {
                if (booting.fingerprint().equals(fingerprint)) {
                    System.out.printf("The server booted ahead failed (%s); booting it again%n", e.getCause());
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean isBootingAhead(String fingerprint) {
        return ahead.stream().anyMatch(booting -> booting.fingerprint().equals(fingerprint));
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "latchkey-server-booting-ahead");
        thread.setDaemon(true);
        return thread;
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

package dev.latchkey.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;

/** One server started by {@code server/start} for a WAR, with its output in a log file under target/it-servers. */
final class RunningServer implements AutoCloseable {

    /** server/wildfly/start puts WildFly's management interface here, above the application port. */
    private static final int WILDFLY_MANAGEMENT_OFFSET = 1910;

    private final Process process;
    private final int port;
    private final String fingerprint;
    private final Path log;
    /** Stops the server if the test JVM ends without Arquillian stopping it (Ctrl+C, a failed fork). */
    private final Thread onExit = new Thread(this::stop, "stop-latchkey-server");

    private RunningServer(Process process, int port, String fingerprint, Path log) {
        this.process = process;
        this.port = port;
        this.fingerprint = fingerprint;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    static RunningServer start(LatchkeyServerConfiguration configuration, Path war, String fingerprint,
            Map<String, String> environment) throws DeploymentException {
        Path project = configuration.projectDirectory();
        int port = configuration.getPort() != 0 ? configuration.getPort() : freePort(configuration.getServer());
        Path log = war.resolveSibling(configuration.getServer() + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(project.resolve("server/start").toString(),
                configuration.getServer())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("WAR", war.toString());
        System.out.printf("Starting %s on port %d (log: %s)%n", configuration.getServer(), port, log);
        Instant started = Instant.now();
        RunningServer server;
        try {
            server = new RunningServer(builder.start(), port, fingerprint, log);
        } catch (IOException e) {
            throw new DeploymentException("Could not run server/start " + configuration.getServer(), e);
        }
        server.awaitReady(Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
        System.out.printf("%s ready on port %d after %d ms%n", configuration.getServer(), port,
                Duration.between(started, Instant.now()).toMillis());
        return server;
    }

    boolean serves(String fingerprint) {
        return this.fingerprint.equals(fingerprint) && process.isAlive();
    }

    int port() {
        return port;
    }

    /** Stops the server and everything its start script started, as Ctrl+C would, then by force. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        started.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : started) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void awaitReady(Duration timeout) throws DeploymentException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DeploymentException("The server stopped before it was ready:\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new DeploymentException("The server was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort(String server) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = anyFreePort();
            if (!server.equals("wildfly") || isFree(port + WILDFLY_MANAGEMENT_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port for " + server);
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

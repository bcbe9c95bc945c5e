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

/**
 * One server started by {@code server/start} for a WAR (or by any command that serves Latchkey on a port), with its
 * output in a log file.
 */
public final class RunningServer implements AutoCloseable {

    /** server/wildfly/start puts WildFly's management interface here, above the application port. */
    private static final int WILDFLY_MANAGEMENT_OFFSET = 1910;
    /** server/payara-server/start puts Payara Server's admin listener here, below the application port. */
    private static final int PAYARA_SERVER_ADMIN_OFFSET = -3232;
    /** The browser scenarios' fixed port (arquillian.xml), never handed out as a free one. */
    private static final int BROWSER_PORT = 38917;

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

    /** Added to each server's JVM options by {@code server/start} (Payara Micro and Open Liberty). */
    public static final String SUITE_JVM_ARGS = "-XX:TieredStopAtLevel=1";

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
        // C1 only, as the suite's servers boot side by side on CI's two cores: with C2 compiling, a fresh server's first
        // sign-in missed the tests' 2 s GitHub timeout. What the tests check does not depend on the JIT.
        builder.environment().put("JVM_ARGS", SUITE_JVM_ARGS);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("WAR", war.toString());
        return launch(configuration.getServer(), builder, port, fingerprint, log,
                Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
    }

    /**
     * Runs {@code builder} (its output already redirected to {@code log}) and waits until {@code /health/ready} on
     * {@code port} answers 200 with Latchkey's own check: Payara Server serves the endpoint before the WAR is deployed.
     */
    public static RunningServer launch(String name, ProcessBuilder builder, int port, String fingerprint, Path log,
            Duration timeout) throws DeploymentException {
        System.out.printf("Starting %s on port %d (log: %s)%n", name, port, log);
        Instant started = Instant.now();
        RunningServer server;
        try {
            server = new RunningServer(builder.start(), port, fingerprint, log);
        } catch (IOException e) {
            throw new DeploymentException("Could not start " + name + " with " + builder.command(), e);
        }
        server.awaitReady(timeout);
        System.out.printf("%s ready on port %d after %d ms%n", name, port,
                Duration.between(started, Instant.now()).toMillis());
        return server;
    }

    boolean serves(String fingerprint) {
        return this.fingerprint.equals(fingerprint) && process.isAlive();
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the server at once, as {@code kill -9} would: no shutdown, nothing finished or cleaned up. */
    public void kill() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to
        }
        List<ProcessHandle> started = process.descendants().toList();
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        // HTTP/1.1: Java's default asks Payara to upgrade to clear-text HTTP/2, and every later probe would share that
        // one connection, however it fares.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DeploymentException("The server stopped before it was ready:\n" + tail());
            }
            try {
                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    return;
                }
                String body = answer.body();
                last = "GET /health/ready answered " + answer.statusCode() + " "
                        + body.substring(0, Math.min(body.length(), 200));
            } catch (IOException e) {
                last = "GET /health/ready failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new DeploymentException("The server was not ready within " + timeout.toSeconds() + " s (" + last
                + "):\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** A port free now, for {@code server} (WildFly and Payara Server also need their admin port free). */
    public static int freePort(String server) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = anyFreePort();
            if (port != BROWSER_PORT && adminPortFree(server, port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port for " + server);
    }

    private static boolean adminPortFree(String server, int port) {
        return switch (server) {
            case "wildfly" -> isFree(port + WILDFLY_MANAGEMENT_OFFSET);
            case "payara-server" -> port + PAYARA_SERVER_ADMIN_OFFSET >= 1024
                    && isFree(port + PAYARA_SERVER_ADMIN_OFFSET);
            default -> true;
        };
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

package dev.latchkey.testing.cluster;

import dev.latchkey.testing.server.RunningServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;

/**
 * Two instances of the uber-jar ({@code target/latchkey.jar}) on one database, configured from the environment as
 * users run it, behind HAProxy with round robin and no stickiness; {@code BACKEND_URL} is the balancer's address.
 */
public final class Cluster implements AutoCloseable {

    /** The nodes' {@code NODE_NAME}s, as {@code X-Latchkey-Node} tells them. */
    public static final List<String> NODES = List.of("node-a", "node-b");
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path project;
    private final URI address;
    private final Map<String, Node> nodes;
    private Balancer balancer;

    /** How a node is started, so that it can be started again the same way, on the same port. */
    private static final class Node {
        final String name;
        final int port;
        final Map<String, String> environment;
        RunningServer running;

        Node(String name, int port, Map<String, String> environment) {
            this.name = name;
            this.port = port;
            this.environment = environment;
        }
    }

    private Cluster(Path project, URI address, Map<String, Node> nodes) {
        this.project = project;
        this.address = address;
        this.nodes = nodes;
    }

    /** Whether this machine can run one: HAProxy is installed. */
    public static boolean canRun() {
        return Balancer.executable().isPresent();
    }

    /**
     * Starts both nodes at once with {@code settings} (environment variables; a null value leaves a key out),
     * changed for a node by {@code nodeSettings}, then the balancer; returns once the balancer reaches both.
     */
    public static Cluster start(Path project, Map<String, String> settings,
            Map<String, Map<String, String>> nodeSettings) throws IOException {
        Path logs = Files.createDirectories(project.resolve("target/it-cluster"));
        for (String name : NODES) {
            // A restarted node appends to its log; a new cluster starts new ones.
            Files.deleteIfExists(logs.resolve(name + ".log"));
        }
        URI address = URI.create("http://127.0.0.1:" + RunningServer.freePort("haproxy"));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String name : NODES) {
            Map<String, String> environment = new LinkedHashMap<>(settings);
            environment.put("BACKEND_URL", address.toString());
            environment.put("NODE_NAME", name);
            environment.put("NODE_HEADER", "enabled");
            environment.putAll(nodeSettings.getOrDefault(name, Map.of()));
            nodes.put(name, new Node(name, RunningServer.freePort("payara"), environment));
        }
        Cluster cluster = new Cluster(project, address, nodes);
        cluster.startSideBySide(NODES);
        List<Integer> ports = nodes.values().stream().map(node -> node.port).toList();
        cluster.balancer = Balancer.start(project, address.getPort(), ports,
                logs.resolve("haproxy.log"));
        cluster.awaitBothNodesBehindTheBalancer();
        return cluster;
    }

    /** The balancer: where clients, GitHub's redirects and webhooks go. */
    public URI address() {
        return address;
    }

    /** Kills {@code node} as {@code kill -9} would; the balancer is not told. */
    public void kill(String node) {
        nodes.get(node).running.kill();
    }

    /**
     * Kills every node at once, as a power cut would, and starts them all again as before; returns once the balancer
     * sends requests to each, with {@code whileDown} run in between.
     */
    public void restartAll(Runnable whileDown) {
        NODES.forEach(this::kill);
        whileDown.run();
        startSideBySide(NODES);
        awaitBothNodesBehindTheBalancer();
    }

    /** Starts {@code node} again as before, and returns once the balancer sends it requests again. */
    public void restart(String node) {
        startSideBySide(List.of(node));
        awaitBothNodesBehindTheBalancer();
    }

    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        nodes.values().stream().map(node -> node.running).filter(running -> running != null)
                .forEach(RunningServer::close);
    }

    private void startSideBySide(List<String> names) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String name : names) {
            Node node = nodes.get(name);
            starting.add(CompletableFuture.runAsync(() -> node.running = startNode(node)));
        }
        try {
            starting.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            close();
            throw new IllegalStateException("A node did not start", e.getCause());
        }
    }

    private RunningServer startNode(Node node) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = project.resolve("target/it-cluster/" + node.name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "@src/main/payara/jvm.options",
                RunningServer.SUITE_JVM_ARGS, "-jar", "target/latchkey.jar", "--port", Integer.toString(node.port))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        node.environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            return RunningServer.launch(node.name, builder, node.port, node.name, log, STARTUP);
        } catch (DeploymentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void awaitBothNodesBehindTheBalancer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(address.resolve("/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!seen.containsAll(NODES)) {
            if (Instant.now().isAfter(deadline) || !balancer.isAlive()) {
                close();
                throw new IllegalStateException("The balancer did not reach both nodes (reached " + seen
                        + "): see target/it-cluster/haproxy.log");
            }
            try {
                HttpResponse<Void> answer = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    answer.headers().firstValue("X-Latchkey-Node").ifPresent(seen::add);
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

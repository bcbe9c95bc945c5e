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

    private final URI address;
    private final Map<String, RunningServer> nodes;
    private final Balancer balancer;

    private Cluster(URI address, Map<String, RunningServer> nodes, Balancer balancer) {
        this.address = address;
        this.nodes = nodes;
        this.balancer = balancer;
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
        int balancerPort = RunningServer.freePort("haproxy");
        URI address = URI.create("http://127.0.0.1:" + balancerPort);
        List<CompletableFuture<RunningServer>> starting = new ArrayList<>();
        for (String node : NODES) {
            Map<String, String> environment = new LinkedHashMap<>(settings);
            environment.put("BACKEND_URL", address.toString());
            environment.put("NODE_NAME", node);
            environment.put("NODE_HEADER", "enabled");
            environment.putAll(nodeSettings.getOrDefault(node, Map.of()));
            starting.add(CompletableFuture.supplyAsync(() -> startNode(project, node, environment, logs)));
        }
        Map<String, RunningServer> nodes = new LinkedHashMap<>();
        try {
            for (int i = 0; i < NODES.size(); i++) {
                nodes.put(NODES.get(i), starting.get(i).join());
            }
        } catch (CompletionException e) {
            starting.forEach(node -> node.thenAccept(RunningServer::close));
            throw new IllegalStateException("A node did not start", e.getCause());
        }
        List<Integer> ports = nodes.values().stream().map(RunningServer::port).toList();
        Cluster cluster = new Cluster(address, nodes,
                Balancer.start(project, balancerPort, ports, logs.resolve("haproxy.log")));
        cluster.awaitBothNodesBehindTheBalancer();
        return cluster;
    }

    /** The balancer: where clients, GitHub's redirects and webhooks go. */
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        balancer.close();
        nodes.values().forEach(RunningServer::close);
    }

    private static RunningServer startNode(Path project, String node, Map<String, String> environment, Path logs) {
        int port = RunningServer.freePort("payara");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "@src/main/payara/jvm.options",
                "-jar", "target/latchkey.jar", "--port", Integer.toString(port))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(node + ".log").toFile());
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            return RunningServer.launch(node, builder, port, node, logs.resolve(node + ".log"), STARTUP);
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

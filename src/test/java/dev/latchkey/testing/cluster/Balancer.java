package dev.latchkey.testing.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** HAProxy in the foreground with the repository's {@code server/haproxy/latchkey.cfg}, in front of two nodes. */
final class Balancer implements AutoCloseable {

    private final Process process;

    private Balancer(Process process) {
        this.process = process;
    }

    /** The {@code haproxy} executable, on the PATH or where Debian's package puts it. */
    static Optional<Path> executable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/sbin:/usr/local/sbin";
        return Stream.of(path.split(":")).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Balancer start(Path project, int port, List<Integer> nodePorts, Path log) throws IOException {
        Path haproxy = executable().orElseThrow(() -> new IllegalStateException("haproxy is not installed"));
        ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-db", "-f",
                project.resolve("server/haproxy/latchkey.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LATCHKEY_LISTEN", "127.0.0.1:" + port);
        builder.environment().put("LATCHKEY_NODE_A", "127.0.0.1:" + nodePorts.get(0));
        builder.environment().put("LATCHKEY_NODE_B", "127.0.0.1:" + nodePorts.get(1));
        System.out.printf("Starting HAProxy on port %d in front of %s (log: %s)%n", port, nodePorts, log);
        return new Balancer(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.latchkey.testing.cluster.Cluster;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which node answered ({@code X-Latchkey-Node}), and a request sent through the round-robin balancer so that it
 * lands on the node a story needs.
 */
final class Nodes {

    private final Browser probe;

    Nodes(URI balancer) {
        this.probe = new Browser(balancer);
    }

    /** Sends {@code request} when the balancer's next turn is {@code node}'s, and checks that node answered. */
    HttpResponse<String> on(String node, Supplier<HttpResponse<String>> request) {
        // Round robin over two nodes alternates: after an answer from the other node, the next turn is this one's.
        for (int attempt = 0; attempt < 10; attempt++) {
            if (!of(probe.get("/auth/providers")).equals(node)) {
                HttpResponse<String> answer = request.get();
                assertEquals(node, of(answer), "the request went to " + node + ": " + answer.body());
                return answer;
            }
        }
        return fail("The balancer never turned to " + node);
    }

    /** The node that gave {@code answer}, which every answer names. */
    static String of(HttpResponse<?> answer) {
        String node = answer.headers().firstValue("X-Latchkey-Node").orElse("");
        assertTrue(Cluster.NODES.contains(node), "X-Latchkey-Node names a node: '" + node + "' "
                + answer.headers().map());
        return node;
    }

    /** Checks that both nodes answered some of {@code answers}. */
    static void assertBothAnswered(Collection<? extends HttpResponse<?>> answers) {
        Set<String> nodes = new TreeSet<>();
        answers.forEach(answer -> nodes.add(of(answer)));
        assertEquals(new TreeSet<>(Cluster.NODES), nodes, "the balancer spread the requests over both nodes");
    }
}

package dev.latchkey.testing.server;

import java.util.List;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The deployments of the default container in the order their test classes run, so the server for the next one can
 * boot while the tests of the current one run.
 */
final class UpcomingDeployments {

    /**
     * One configuration the suite deploys, with the fingerprint its test classes share, and whether its server boots
     * only in its turn: a purge timer as short as {@code PURGE_INTERVAL_SECONDS} would delete the expired rows that
     * the tests running beside an early boot planted.
     */
    record Upcoming(String fingerprint, Archive<?> archive, boolean bootsOnlyInTurn) {
    }

    static boolean bootsOnlyInTurn(Archive<?> archive) {
        return DeploymentEnvironment.settings(archive).containsKey("PURGE_INTERVAL_SECONDS");
    }

    private static volatile List<Upcoming> inOrder = List.of();

    private UpcomingDeployments() {
    }

    static void plan(List<Upcoming> deployments) {
        inOrder = List.copyOf(deployments);
    }

    /** The next {@code count} deployments, in order, after the one whose fingerprint is given. */
    static List<Upcoming> following(String fingerprint, int count) {
        List<Upcoming> planned = inOrder;
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).fingerprint().equals(fingerprint)) {
                return planned.subList(i + 1, Math.min(planned.size(), i + 1 + count));
            }
        }
        return List.of();
    }
}

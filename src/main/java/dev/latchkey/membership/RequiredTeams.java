package dev.latchkey.membership;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The teams routes require ({@link RequiresGitHubTeam}), collected as JAX-RS deploys them, so that membership checks
 * ask GitHub about them too.
 */
@ApplicationScoped
class RequiredTeams {

    private volatile List<AllowList.TeamEntry> teams = List.of();

    synchronized void require(AllowList.TeamEntry team) {
        if (!teams.contains(team)) {
            List<AllowList.TeamEntry> more = new ArrayList<>(teams);
            more.add(team);
            teams = List.copyOf(more);
        }
    }

    List<AllowList.TeamEntry> teams() {
        return teams;
    }
}

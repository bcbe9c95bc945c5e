package dev.latchkey.membership;

import dev.latchkey.web.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.Principal;
import java.util.Map;

/**
 * Lets a request to a {@link RequiresGitHubTeam} route through only when the signed-in user was found in the team at
 * their last membership check; the authentication filter has already answered 401 to anyone not signed in.
 */
final class GitHubTeamFilter implements ContainerRequestFilter {

    private final String team;
    private final MembershipWatch membership;

    GitHubTeamFilter(String team, MembershipWatch membership) {
        this.team = team;
        this.membership = membership;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // The session principal is a JsonWebToken whose name (its subject) is the user id.
        Principal signedIn = request.getSecurityContext().getUserPrincipal();
        if (signedIn == null) {
            throw new ApiException(401, "Not authenticated", Map.of("WWW-Authenticate", "Bearer"));
        }
        if (!membership.found(Long.parseLong(signedIn.getName())).contains(team)) {
            throw new ApiException(403, "Only members of the GitHub team " + team + " may do this");
        }
    }
}

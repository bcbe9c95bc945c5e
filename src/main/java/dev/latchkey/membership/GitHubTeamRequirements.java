package dev.latchkey.membership;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Finds the routes marked {@link RequiresGitHubTeam} as JAX-RS deploys them: each gets a filter for its team, and
 * the team is added to those membership checks ask about.
 */
@Provider
public class GitHubTeamRequirements implements DynamicFeature {

    @Inject
    RequiredTeams required;

    @Inject
    MembershipWatch membership;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        RequiresGitHubTeam onMethod = resource.getResourceMethod().getAnnotation(RequiresGitHubTeam.class);
        RequiresGitHubTeam annotation = onMethod != null ? onMethod
                : resource.getResourceClass().getAnnotation(RequiresGitHubTeam.class);
        if (annotation == null) {
            return;
        }
        AllowList.TeamEntry team = team(annotation.value(), resource);
        required.require(team);
        context.register(new GitHubTeamFilter(team.toString(), membership), Priorities.AUTHORIZATION);
    }

    private static AllowList.TeamEntry team(String value, ResourceInfo resource) {
        try {
            return AllowList.team(value.trim(), "@RequiresGitHubTeam");
        } catch (IllegalStateException malformed) {
            throw new IllegalStateException("@RequiresGitHubTeam on " + resource.getResourceClass().getName() + "."
                    + resource.getResourceMethod().getName() + " must name one org/team-slug, not " + value,
                    malformed);
        }
    }
}

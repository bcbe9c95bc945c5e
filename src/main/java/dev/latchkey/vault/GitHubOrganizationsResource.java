package dev.latchkey.vault;

import dev.latchkey.caller.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The GitHub organizations of the signed-in user, for pickers and access checks; needs the read:org scope.
 */
@ApplicationScoped
@Path("/auth/github/organizations")
public class GitHubOrganizationsResource {

    @Inject
    GitHubOrganizations organizations;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed("user")
    @RequiresGitHubScope("read:org")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user's GitHub organizations: [{login, id, avatar_url}]")
    @APIResponse(responseCode = "200", description = "The organizations, possibly none")
    @APIResponse(responseCode = "401", description = "Not authenticated, or the GitHub authorization expired")
    @APIResponse(responseCode = "403", description = "The stored GitHub token lacks the read:org scope")
    @APIResponse(responseCode = "503", description = "GitHub is not answering")
    public List<GitHubOrganization> list() {
        return organizations.of(caller.required().userId());
    }
}

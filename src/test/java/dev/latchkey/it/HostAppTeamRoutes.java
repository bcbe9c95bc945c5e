package dev.latchkey.it;

import dev.latchkey.membership.RequiresGitHubTeam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A host application's routes added to the gated test WAR: the class requires one GitHub team, one method another.
 */
@Path("/host-app")
@Produces(MediaType.APPLICATION_JSON)
@RequiresGitHubTeam(HostAppTeamRoutes.REVIEWERS)
public class HostAppTeamRoutes {

    /** Organizations and teams named here are the stub's alone: no setting of the gated deployment names them. */
    static final String ORGANIZATION = "gate-hosts";
    static final String REVIEWERS = ORGANIZATION + "/reviewers";
    static final String DEPLOYERS = ORGANIZATION + "/Deployers";

    @GET
    @Path("reviews")
    public Map<String, Object> reviews() {
        return Map.of("reviews", 3);
    }

    @GET
    @Path("deploys")
    @RequiresGitHubTeam(DEPLOYERS)
    public Map<String, Object> deploys() {
        return Map.of("deploys", 1);
    }
}

package dev.latchkey.account;

import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The signed-in user's sign-in methods, and unlinking GitHub.
 */
@ApplicationScoped
@Path("/auth/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    SignInMethods methods;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed("user")
    @Operation(summary = "The user's sign-in methods: github (login, the address GitHub verified, scopes) and "
            + "password (email)")
    @APIResponse(responseCode = "200", description = "{\"accounts\":[{\"provider\":\"github\",\"login\":\"octocat\","
            + "\"email\":\"octocat@github.com\",\"scopes\":[\"repo\"]},{\"provider\":\"password\",\"email\":\"octocat@example.com\"}]}")
    public JsonObject list() {
        return methods.list(caller.required().user());
    }

    @DELETE
    @Path("github")
    @RolesAllowed("user")
    @NotWhileImpersonating
    @Operation(summary = "Unlink GitHub, revoking the stored token at GitHub, unless it is the only way in")
    @APIResponse(responseCode = "200", description = "{\"ok\":true}")
    @APIResponse(responseCode = "404", description = "No GitHub account is linked to this user")
    @APIResponse(responseCode = "409", description = "GitHub is the only way to sign in to this account")
    public Map<String, Boolean> unlinkGitHub() {
        methods.unlinkGitHub(caller.required().user());
        return Map.of("ok", true);
    }
}

package dev.latchkey.testing.github;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The REST API under {@code /api/v3}: refuses callers without a User-Agent, then routes by path. */
final class RestApiHandler {

    private final UserEndpoints users;
    private final OrgEndpoints organizations;
    private final TeamEndpoints teams;
    private final ApplicationsHandler applications;

    RestApiHandler(GitHubState state, Failures failures) {
        ApiCalls calls = new ApiCalls(state);
        OrgAccess access = new OrgAccess(state);
        this.users = new UserEndpoints(state, failures, calls, access);
        this.organizations = new OrgEndpoints(state, calls, access);
        this.teams = new TeamEndpoints(state, calls, access);
        this.applications = new ApplicationsHandler(state);
    }

    /** {@code path} is relative to the API root, e.g. {@code /user}. */
    ResponseDefinition handle(Request request, String path) {
        String userAgent = request.getHeader("User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            return responseDefinition()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody("Request forbidden by administrative rules. Please make sure your request has a"
                            + " User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api"
                            + "#user-agent-required). Check https://developer.github.com for other possible causes.\n")
                    .build();
        }
        if (path.startsWith("/applications/")) {
            return applications.handle(request, path);
        }
        return request.getMethod().getName().equals("GET") ? get(request, path) : Replies.notFound().build();
    }

    private ResponseDefinition get(Request request, String path) {
        String[] part = segments(path);
        return switch (String.join("/", shape(part))) {
            case "user" -> users.user(request);
            case "user/emails" -> users.emails(request);
            case "user/orgs" -> users.organizations(request);
            case "user/teams" -> teams.userTeams(request);
            case "user/memberships/orgs/*" -> organizations.membership(request, part[3]);
            case "orgs/*" -> organizations.organization(request, part[1]);
            case "users/*/orgs" -> organizations.publicOrganizations(request, part[1]);
            case "orgs/*/teams/*" -> teams.team(request, part[1], part[3]);
            case "orgs/*/teams/*/memberships/*" -> teams.membership(request, part[1], part[3], part[5]);
            default -> Replies.notFound().build();
        };
    }

    private static String[] segments(String path) {
        String[] part = path.replaceAll("^/+|/+$", "").split("/");
        for (int i = 0; i < part.length; i++) {
            part[i] = URLDecoder.decode(part[i], StandardCharsets.UTF_8);
        }
        return part;
    }

    /** The path with its variable segments as {@code *}: {@code orgs/acme/teams/x} becomes {@code orgs/* /teams/*}. */
    private static String[] shape(String[] part) {
        String[] shape = part.clone();
        for (int i = 0; i < shape.length; i++) {
            boolean variable = switch (shape[0]) {
                case "orgs", "users" -> i % 2 == 1;
                case "user" -> i == 3 && part[1].equals("memberships");
                default -> false;
            };
            shape[i] = variable ? "*" : shape[i];
        }
        return shape;
    }
}

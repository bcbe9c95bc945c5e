package dev.latchkey.testing.github;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** The REST API under {@code /api/v3}: refuses callers without a User-Agent, then routes by path. */
final class RestApiHandler {

    private final UserEndpoints users;
    private final ApplicationsHandler applications;

    RestApiHandler(GitHubState state, Failures failures) {
        this.users = new UserEndpoints(state, failures, new ApiCalls(state));
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
        String method = request.getMethod().getName();
        if (method.equals("GET") && path.equals("/user")) {
            return users.user(request);
        }
        if (method.equals("GET") && path.equals("/user/emails")) {
            return users.emails(request);
        }
        if (method.equals("GET") && path.equals("/user/orgs")) {
            return users.organizations(request);
        }
        if (path.startsWith("/applications/")) {
            return applications.handle(request, path);
        }
        return Replies.notFound().build();
    }
}

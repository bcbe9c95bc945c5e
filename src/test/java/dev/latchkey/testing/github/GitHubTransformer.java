package dev.latchkey.testing.github;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Optional;

/** The WireMock extension behind the one catch-all stub: applies an outage, else hands the request to a handler. */
final class GitHubTransformer implements ResponseDefinitionTransformerV2 {

    /** Longer than the 20 s any caller of GitHub should wait before giving up. */
    static final int HANG_MILLIS = 30_000;

    private final GitHubState state;
    private final Failures failures;
    private final AuthorizeHandler authorize;
    private final AccessTokenHandler accessToken;
    private final RestApiHandler api;

    GitHubTransformer(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
        this.authorize = new AuthorizeHandler(state, failures);
        this.accessToken = new AccessTokenHandler(state, failures);
        this.api = new RestApiHandler(state, failures);
    }

    @Override
    public String getName() {
        return "fake-github";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        return switch (failures.outage()) {
            case HANG -> unicorn(504).withFixedDelay(HANG_MILLIS).build();
            case CONNECTION_RESET -> responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case SERVER_ERROR -> unicorn(502).build();
            case NONE -> route(request);
        };
    }

    private ResponseDefinition route(Request request) {
        String path = Params.path(request);
        String method = request.getMethod().getName();
        boolean restApi = path.equals(Urls.API_PATH) || path.startsWith(Urls.API_PATH + "/");
        int failing = failures.endpointStatus(method, path);
        if (failing != 0) {
            return restApi ? FailingEndpoint.reply(failing, Optional.empty(), state.now()) : unicorn(failing).build();
        }
        if (restApi) {
            return api.handle(request, path.substring(Urls.API_PATH.length()));
        }
        if (method.equals("GET") && path.equals("/login/oauth/authorize")) {
            return authorize.authorize(request);
        }
        if (method.equals("POST") && path.equals("/login/oauth/access_token")) {
            return accessToken.exchange(request);
        }
        return Replies.html(404, "Page not found &middot; GitHub", "This is not the web page you are looking for.")
                .build();
    }

    /** GitHub's front end answers its own HTML page, not JSON, when the backends are down or slow. */
    private static ResponseDefinitionBuilder unicorn(int status) {
        return Replies.html(status, "Unicorn! &middot; GitHub", status == 504
                ? "This page is taking too long to load. Sorry about that. Please try refreshing and contact us"
                        + " if the problem persists."
                : "No server is currently available to service your request. Sorry about that. Please try"
                        + " refreshing and contact us if the problem persists.");
    }
}

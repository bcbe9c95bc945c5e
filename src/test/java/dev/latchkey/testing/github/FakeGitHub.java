package dev.latchkey.testing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A GitHub (web flow and GitHub Enterprise style REST API) on 127.0.0.1 that tests drive and inspect. */
public final class FakeGitHub implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final WireMockServer server;
    private final GitHubState state;
    private final Failures failures;
    private final GitHubOrganizations organizations;
    private final GitHubTeams teams;

    private FakeGitHub(WireMockServer server, GitHubState state, Failures failures) {
        this.server = server;
        this.state = state;
        this.failures = failures;
        this.organizations = new GitHubOrganizations(state);
        this.teams = new GitHubTeams(state);
    }

    public static FakeGitHub start() {
        GitHubState state = new GitHubState();
        Failures failures = new Failures();
        WireMockServer server = new WireMockServer(options()
                .bindAddress(HOST)
                .dynamicPort()
                // Hanging requests wait on a scheduler, not on a container thread, so 50 parallel callers still fit
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .containerThreads(64)
                .jettyStopTimeout(1_000L)
                .notifier(new Slf4jNotifier(false))
                .extensions(new GitHubTransformer(state, failures)));
        server.start();
        state.urls(Urls.of(HOST, server.port()));
        server.stubFor(any(anyUrl()).willReturn(aResponse()));
        return new FakeGitHub(server, state, failures);
    }

    /** {@code GITHUB_URL}: the web root holding /login/oauth/*. */
    public String webUrl() {
        return state.urls().web();
    }

    /** {@code GITHUB_API_URL}: the REST root, GitHub Enterprise style ({@code /api/v3}). */
    public String apiUrl() {
        return state.urls().api();
    }

    /** An OAuth App: its {@code gho_} tokens carry the scopes asked for and never expire. */
    public void registerApp(String clientId, String clientSecret) {
        state.addApp(clientId, clientSecret, false);
    }

    /**
     * A GitHub App acting for users: its {@code ghu_} tokens have no OAuth scopes and expire after 8 hours of this
     * fake's clock, and each comes with a single-use {@code ghr_} refresh token that lasts about 6 months.
     */
    public void registerGitHubApp(String clientId, String clientSecret) {
        state.addApp(clientId, clientSecret, true);
    }

    /** A user with a random 8-9 digit id, a name, and {@code login@example.com} as public, primary, verified email. */
    public GitHubUser createUser(String login) {
        return state.newUser(login);
    }

    /** As {@link #createUser(String)} with this id, for settings that name an id before the user exists. */
    public GitHubUser createUser(String login, long id) {
        return state.newUser(login, id);
    }

    /** The user signed in to GitHub in "the browser" (this version of them): authorize approves for them at once. */
    public void signInAs(GitHubUser user) {
        state.signIn(user);
    }

    /** Serves this version of the user from now on (keyed by id); signInAs and issueToken do so too. */
    public void update(GitHubUser user) {
        state.remember(user);
    }

    /** The next authorization is cancelled by the user: a redirect with {@code error=access_denied}. */
    public void denyNextAuthorization() {
        failures.denyNextAuthorization();
    }

    /**
     * A token of this version of the user, as the app would hold after the user authorized it: an OAuth App's
     * {@code gho_} with these scopes, a GitHub App's expiring {@code ghu_} (no scopes; a refresh token is issued
     * with it), or without an app a classic PAT ({@code ghp_}). Register a second app to hold another app's token.
     */
    public String issueToken(GitHubUser user, String clientIdOrNull, String... scopes) {
        Optional<OAuthApp> app = state.app(clientIdOrNull);
        if (clientIdOrNull != null && app.isEmpty()) {
            throw new IllegalArgumentException("No app registered with client id " + clientIdOrNull);
        }
        state.remember(user);
        if (app.isPresent() && app.get().expiringTokens()) {
            return state.tokens().issueExpiring(user.id(), app.get().clientId(), state.now()).access().value();
        }
        return state.issueToken(user.id(), clientIdOrNull, List.of(scopes)).value();
    }

    /**
     * A token with any of GitHub's prefixes ({@code ghp_}, {@code github_pat_}, {@code gho_}, {@code ghu_}...) that
     * belongs to no app: "check a token" answers 404 for it, as for any personal access token. For a {@code gho_}
     * or {@code ghu_} an app holds, use {@link #issueToken} with that app.
     */
    public String issueTokenWithPrefix(GitHubUser user, String prefix, String... scopes) {
        state.remember(user);
        return state.tokens().issue(user.id(), prefix, null, List.of(scopes), state.now()).value();
    }

    /** Organizations, their members, and what organizations enforce on tokens (SAML SSO, OAuth App restrictions). */
    public GitHubOrganizations organizations() {
        return organizations;
    }

    /** The teams of the organizations and their members. */
    public GitHubTeams teams() {
        return teams;
    }

    /** Bodies of the webhooks GitHub sends when membership ends, for tests to sign and POST. */
    public WebhookPayloads webhooks() {
        return new WebhookPayloads(state, null);
    }

    /**
     * Makes this version of the user an active member of the organization with this login (created on first use),
     * keeping the role of an existing membership; a shortcut for {@link #organizations()}.
     */
    public Organization joinOrganization(GitHubUser user, String login) {
        Organization organization = organizations.find(login).orElseGet(() -> organizations.create(login));
        organizations.addMember(organization, user, state.memberships().of(organization.id(), user.id())
                .map(Memberships.OrgMembership::role).orElse(OrgRole.MEMBER));
        return organization;
    }

    /** As if the user revoked every authorization and token on github.com. */
    public void revokeAllTokens(GitHubUser user) {
        state.tokens().revokeAll(user.id());
    }

    public void setOutage(Outage outage) {
        failures.outage(outage);
    }

    /**
     * The next token request answers 200 with this {@code error}: a code exchange burns its code even if the code
     * was good; a refresh uses nothing up.
     */
    public void failNextTokenExchange(String error) {
        failures.failNextTokenExchange(error);
    }

    /** GET /user answers this status with GitHub's JSON message until {@link #reset()}; 0 turns it off. */
    public void failUserEndpoint(int status) {
        failures.failUserEndpoint(status);
    }

    /**
     * Makes one endpoint answer this status until {@link #reset()} (0 turns it off): the REST API with GitHub's
     * JSON message, the web (for example {@code /login/oauth/access_token}) with its HTML page. {@code path} is as
     * {@link #requests} shows it, for example {@code /api/v3/user/emails}.
     */
    public void failEndpoint(String method, String path, int status) {
        failures.failEndpoint(method, path, status);
    }

    /**
     * The GitHub App user tokens issued from now on live this long instead of 8 hours (until {@link #reset()}), as
     * {@code expires_in} tells: clients must go by it, as GitHub documents.
     */
    public void issueUserTokensFor(Duration lifetime) {
        state.tokens().userTokenLifetime(lifetime);
    }

    /** Moves the fake's clock on, for codes that outlive their 10 minutes and GitHub App tokens their 8 hours. */
    public void advanceClock(Duration amount) {
        state.advanceClock(amount);
    }

    /** The requests received, oldest first, whose method matches (null for any) and whose path starts with the prefix. */
    public List<LoggedRequest> requests(String method, String pathPrefix) {
        List<LoggedRequest> matching = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().split("\\?", 2)[0];
            if ((method == null || request.getMethod().getName().equalsIgnoreCase(method))
                    && path.startsWith(pathPrefix)) {
                matching.add(request);
            }
        }
        // WireMock's journal lists the newest first
        Collections.reverse(matching);
        return matching;
    }

    /** The user's access tokens that GitHub would accept now: issued, not revoked, not expired. */
    public Set<String> liveTokens(GitHubUser user) {
        return state.tokens().live(user.id(), state.now());
    }

    /** The user's refresh tokens that GitHub would accept now: not used, not revoked, not expired. */
    public Set<String> liveRefreshTokens(GitHubUser user) {
        return state.tokens().liveRefreshTokens(user.id(), state.now());
    }

    /** No outage, no queued or standing failure, 8-hour user tokens; users, apps, tokens and the journal stay. */
    public void reset() {
        failures.reset();
        state.tokens().userTokenLifetime(IssuedTokens.USER_TOKEN_LIFETIME);
    }

    @Override
    public void close() {
        server.stop();
    }
}

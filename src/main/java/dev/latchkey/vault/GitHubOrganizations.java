package dev.latchkey.vault;

import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import dev.latchkey.github.GitHubHttp;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;

/**
 * Lists the organizations a user belongs to, from GitHub's {@code GET /user/orgs} with their stored token.
 */
@ApplicationScoped
class GitHubOrganizations {

    private static final Logger LOG = Logger.getLogger(GitHubOrganizations.class.getName());
    private static final int MAX_PAGES = 10;

    @Inject
    GitHubHttp http;

    @Inject
    GitHubTokens tokens;

    List<GitHubOrganization> of(long userId) {
        try {
            return tokens.callWith(userId, access -> fetch(access.token()));
        } catch (GitHubUnavailableException e) {
            throw new GitHubNotAnsweringException();
        } catch (GitHubRefusedException e) {
            if (e.status() == 401) {
                throw new GitHubAuthorizationExpiredException();
            }
            LOG.warning(() -> "GitHub did not list a user's organizations: " + e.getMessage());
            throw new ApiException(502, "Failed to fetch GitHub organizations");
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            LOG.warning(() -> "GitHub listed a user's organizations in an unexpected form: " + e);
            throw new ApiException(502, "Failed to fetch GitHub organizations");
        }
    }

    private List<GitHubOrganization> fetch(String token) {
        List<GitHubOrganization> organizations = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpResponse<String> response = http.send(http.api("/user/orgs?per_page=100&page=" + page, token)
                    .GET().build());
            for (JsonValue entry : GitHubHttp.array(response)) {
                JsonObject org = entry.asJsonObject();
                organizations.add(new GitHubOrganization(org.getString("login"),
                        org.getJsonNumber("id").longValueExact(), org.getString("avatar_url", null)));
            }
            if (!response.headers().firstValue("Link").orElse("").contains("rel=\"next\"")) {
                break;
            }
        }
        return organizations;
    }
}

package dev.latchkey.auth.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds a user's primary verified email address when their GitHub profile keeps it private.
 */
@ApplicationScoped
class GitHubEmails {

    private static final Logger LOG = Logger.getLogger(GitHubEmails.class.getName());
    private static final int MAX_PAGES = 10;

    @Inject
    GitHubHttp http;

    Optional<String> primaryVerified(String token) {
        try {
            for (int page = 1; page <= MAX_PAGES; page++) {
                HttpResponse<String> response =
                        http.send(http.api("/user/emails?per_page=100&page=" + page, token).GET().build());
                for (JsonValue entry : GitHubHttp.array(response)) {
                    JsonObject email = entry.asJsonObject();
                    if (email.getBoolean("primary", false) && email.getBoolean("verified", false)) {
                        return Optional.of(email.getString("email"));
                    }
                }
                if (!response.headers().firstValue("Link").orElse("").contains("rel=\"next\"")) {
                    break;
                }
            }
        } catch (GitHubRefusedException e) {
            // Without the user:email scope GitHub answers 404: the user simply has no email we can know.
            LOG.fine(() -> "GitHub did not list the user's emails: " + e.getMessage());
        }
        return Optional.empty();
    }
}

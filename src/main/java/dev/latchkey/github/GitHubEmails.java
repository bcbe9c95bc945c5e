package dev.latchkey.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds a user's email address when their GitHub profile keeps it private: the primary verified one, else any
 * verified one.
 */
@ApplicationScoped
class GitHubEmails {

    private static final Logger LOG = Logger.getLogger(GitHubEmails.class.getName());
    private static final int MAX_PAGES = 10;

    @Inject
    GitHubHttp http;

    /** The primary verified address, else the first other verified one GitHub lists; never an unverified one. */
    Optional<String> primaryVerified(String token) {
        String anyVerified = null;
        try {
            for (int page = 1; page <= MAX_PAGES; page++) {
                HttpResponse<String> response =
                        http.send(http.api("/user/emails?per_page=100&page=" + page, token).GET().build());
                for (JsonValue entry : GitHubHttp.array(response)) {
                    JsonObject email = entry.asJsonObject();
                    String address = verifiedAddress(email);
                    if (address != null && email.getBoolean("primary", false)) {
                        return Optional.of(address);
                    }
                    // Kept, not returned: the primary address may still come on a later page.
                    anyVerified = anyVerified == null ? address : anyVerified;
                }
                if (!response.headers().firstValue("Link").orElse("").contains("rel=\"next\"")) {
                    break;
                }
            }
        } catch (GitHubRefusedException e) {
            if (e.serverError()) {
                // GitHub failing is not "no email": the sign-in fails (502) instead of blaming the token's scopes.
                throw e;
            }
            // Without the user:email scope GitHub answers 404: the user simply has no email we can know.
            LOG.fine(() -> "GitHub did not list the user's emails: " + e.getMessage());
        }
        return Optional.ofNullable(anyVerified);
    }

    private static String verifiedAddress(JsonObject email) {
        return email.getBoolean("verified", false) && email.get("email") instanceof JsonString address
                ? address.getString() : null;
    }
}

package dev.latchkey.github;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads GitHub's 403 answers about organizations: SAML SSO ({@code X-GitHub-SSO}), OAuth App access restrictions
 * (only its message says so), or no access; a rate limit's 403 is none of them.
 */
final class GitHubOrgRefusals {

    private GitHubOrgRefusals() {
    }

    static Optional<OrganizationAccessRefusedException> refusal(HttpResponse<String> response) {
        // Primary (no requests left) and secondary rate limits (Retry-After, or said in the message) are no refusal.
        if ("0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse(null))
                || response.headers().firstValue("Retry-After").isPresent()
                || message(response).toLowerCase(java.util.Locale.ROOT).contains("rate limit")) {
            return Optional.empty();
        }
        String sso = response.headers().firstValue("X-GitHub-SSO").orElse("");
        if (sso.startsWith("required")) {
            int url = sso.indexOf("url=");
            return Optional.of(new OrganizationAccessRefusedException(
                    OrganizationAccessRefusedException.Reason.SSO_REQUIRED,
                    url < 0 ? null : sso.substring(url + 4).trim()));
        }
        OrganizationAccessRefusedException.Reason reason = message(response).contains("OAuth App access restrictions")
                ? OrganizationAccessRefusedException.Reason.OAUTH_APP_RESTRICTED
                : OrganizationAccessRefusedException.Reason.NO_ACCESS;
        return Optional.of(new OrganizationAccessRefusedException(reason, null));
    }

    /** The organization ids of {@code X-GitHub-SSO: partial-results; organizations=1,2}. */
    static Set<Long> ssoWithheld(HttpResponse<String> response) {
        String sso = response.headers().firstValue("X-GitHub-SSO").orElse("");
        int list = sso.indexOf("organizations=");
        if (!sso.startsWith("partial-results") || list < 0) {
            return Set.of();
        }
        return Arrays.stream(sso.substring(list + "organizations=".length()).split(","))
                .map(String::trim).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf)
                .collect(Collectors.toSet());
    }

    private static String message(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read() instanceof JsonObject object ? object.getString("message", "") : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}

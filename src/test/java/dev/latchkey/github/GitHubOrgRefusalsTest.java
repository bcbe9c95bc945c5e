package dev.latchkey.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * GitHub's 403 answers about organizations told apart: SAML SSO, OAuth App restrictions, no access, and rate limits,
 * which are GitHub failing, not a refusal.
 */
class GitHubOrgRefusalsTest {

    @Test
    void ssoRequiredCarriesTheAuthorizationAddress() {
        OrganizationAccessRefusedException refused = GitHubOrgRefusals.refusal(answer(
                "{\"message\":\"Resource protected by organization SAML enforcement.\"}",
                Map.of("X-GitHub-SSO", "required; url=https://github.com/orgs/acme/sso?authorization_request=AbC")))
                .orElseThrow();

        assertEquals(OrganizationAccessRefusedException.Reason.SSO_REQUIRED, refused.reason());
        assertEquals("https://github.com/orgs/acme/sso?authorization_request=AbC", refused.ssoUrl());
    }

    @Test
    void oauthAppRestrictionsAreToldByTheirMessage() {
        assertEquals(OrganizationAccessRefusedException.Reason.OAUTH_APP_RESTRICTED, GitHubOrgRefusals.refusal(answer(
                "{\"message\":\"Although you appear to have the correct authorization credentials, the `acme`"
                        + " organization has enabled OAuth App access restrictions, meaning that data access to"
                        + " third-parties is limited.\"}", Map.of())).orElseThrow().reason());
    }

    @Test
    void anyOtherRefusalIsNoAccess() {
        assertEquals(OrganizationAccessRefusedException.Reason.NO_ACCESS, GitHubOrgRefusals.refusal(answer(
                "{\"message\":\"Must have admin rights to Repository.\"}", Map.of())).orElseThrow().reason());
        assertEquals(OrganizationAccessRefusedException.Reason.NO_ACCESS,
                GitHubOrgRefusals.refusal(answer("<html>not json</html>", Map.of())).orElseThrow().reason());
    }

    @Test
    void rateLimitsAreNoRefusal() {
        // Secondary limit with Retry-After, secondary limit said only in the message, primary limit exhausted.
        assertTrue(GitHubOrgRefusals.refusal(answer("{\"message\":\"Slow down\"}",
                Map.of("Retry-After", "60"))).isEmpty());
        assertTrue(GitHubOrgRefusals.refusal(answer("{\"message\":\"You have exceeded a secondary rate limit."
                + " Please wait a few minutes before you try again.\"}", Map.of())).isEmpty());
        assertTrue(GitHubOrgRefusals.refusal(answer("{\"message\":\"API rate limit exceeded for user ID 1.\"}",
                Map.of("X-RateLimit-Remaining", "0"))).isEmpty());
    }

    @Test
    void partialResultsNameTheOrganizationsSsoWithheld() {
        assertEquals(Set.of(11L, 22L), GitHubOrgRefusals.ssoWithheld(answer("[]",
                Map.of("X-GitHub-SSO", "partial-results; organizations=11,22, x"))));
        assertEquals(Set.of(), GitHubOrgRefusals.ssoWithheld(answer("[]", Map.of())));
    }

    private static HttpResponse<String> answer(String body, Map<String, String> headers) {
        HttpHeaders httpHeaders = HttpHeaders.of(headers.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))),
                (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return 403;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("https://api.github.com/user/memberships/orgs/acme")).build();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return httpHeaders;
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request().uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}

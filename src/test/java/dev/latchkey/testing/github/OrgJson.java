package dev.latchkey.testing.github;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Renders organizations and organization memberships the way GitHub's REST API and webhooks do. */
final class OrgJson {

    private OrgJson() {
    }

    /** GitHub's "organization-simple", as lists of organizations, memberships and webhooks show it. */
    static JsonObject simple(Organization org, Urls urls) {
        return simpleBuilder(org, urls).build();
    }

    /** {@code GET /orgs/{org}}: the public profile of the organization. */
    static JsonObject full(Organization org, Urls urls) {
        String created = org.createdAt().toString();
        return simpleBuilder(org, urls)
                .add("name", org.login())
                .addNull("company").add("blog", "").addNull("location").addNull("email")
                .addNull("twitter_username")
                .add("is_verified", false)
                .add("has_organization_projects", true).add("has_repository_projects", true)
                .add("public_repos", 0).add("public_gists", 0).add("followers", 0).add("following", 0)
                .add("html_url", urls.web() + "/" + org.login())
                .add("created_at", created).add("updated_at", created).addNull("archived_at")
                .add("type", "Organization")
                .build();
    }

    /** {@code GET /user/memberships/orgs/{org}} and the {@code membership} of webhooks (without its organization). */
    static JsonObject membership(Organization org, GitHubUser user, Memberships.OrgMembership membership,
                                 Urls urls, boolean withOrganization) {
        JsonObjectBuilder json = Replies.JSON.createObjectBuilder()
                .add("url", urls.api() + "/orgs/" + org.login() + "/memberships/" + user.login())
                .add("state", membership.state())
                .add("role", membership.role().json())
                .add("organization_url", urls.api() + "/orgs/" + org.login());
        if (withOrganization) {
            json.add("organization", simple(org, urls));
        }
        return json.add("user", UserJson.simple(user, urls)).build();
    }

    private static JsonObjectBuilder simpleBuilder(Organization org, Urls urls) {
        String api = urls.api() + "/orgs/" + org.login();
        return Replies.JSON.createObjectBuilder()
                .add("login", org.login())
                .add("id", org.id())
                .add("node_id", UserJson.nodeId("Organization", org.id()))
                .add("url", api)
                .add("repos_url", api + "/repos")
                .add("events_url", api + "/events")
                .add("hooks_url", api + "/hooks")
                .add("issues_url", api + "/issues")
                .add("members_url", api + "/members{/member}")
                .add("public_members_url", api + "/public_members{/member}")
                .add("avatar_url", org.avatarUrl())
                .addNull("description");
    }
}

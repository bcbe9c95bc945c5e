package dev.latchkey.testing.github;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Renders teams and team memberships the way GitHub's REST API and webhooks do. */
final class TeamJson {

    private TeamJson() {
    }

    /** GitHub's "team" as webhooks and nested objects show it. */
    static JsonObject simple(Team team, Organization org, Urls urls) {
        return simpleBuilder(team, org, urls).build();
    }

    /** GitHub's "team-full": {@code GET /orgs/{org}/teams/{team_slug}} and {@code GET /user/teams}. */
    static JsonObject full(Team team, Organization org, Urls urls) {
        String created = team.createdAt().toString();
        return simpleBuilder(team, org, urls)
                .add("members_count", 0).add("repos_count", 0)
                .add("created_at", created).add("updated_at", created)
                .add("organization", OrgJson.full(org, urls))
                .build();
    }

    /** {@code GET /orgs/{org}/teams/{team_slug}/memberships/{username}}. */
    static JsonObject membership(Team team, GitHubUser user, String role, String state, Urls urls) {
        return Replies.JSON.createObjectBuilder()
                .add("url", urls.api() + "/teams/" + team.id() + "/memberships/" + user.login())
                .add("role", role)
                .add("state", state)
                .build();
    }

    private static JsonObjectBuilder simpleBuilder(Team team, Organization org, Urls urls) {
        String api = urls.api() + "/organizations/" + org.id() + "/team/" + team.id();
        return Replies.JSON.createObjectBuilder()
                .add("name", team.name())
                .add("id", team.id())
                .add("node_id", UserJson.nodeId("Team", team.id()))
                .add("slug", team.slug())
                .addNull("description")
                .add("privacy", "closed")
                .add("notification_setting", "notifications_enabled")
                .add("url", api)
                .add("html_url", urls.web() + "/orgs/" + org.login() + "/teams/" + team.slug())
                .add("members_url", api + "/members{/member}")
                .add("repositories_url", api + "/repos")
                .add("permission", "pull")
                .addNull("parent")
                .add("type", "organization")
                .add("organization_id", org.id());
    }
}

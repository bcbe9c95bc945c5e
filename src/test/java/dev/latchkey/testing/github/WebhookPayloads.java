package dev.latchkey.testing.github;

import jakarta.json.JsonObjectBuilder;

/**
 * The bodies of the webhooks GitHub sends when membership ends, as JSON strings for a test to sign and POST: an
 * organization's webhook, or with {@link #toGitHubApp} a GitHub App's, which adds the {@code installation}.
 * Obtained from {@link FakeGitHub#webhooks()}; organizations and teams appear as they are named now.
 */
public final class WebhookPayloads {

    private final GitHubState state;
    private final String gitHubAppClientId;

    WebhookPayloads(GitHubState state, String gitHubAppClientId) {
        this.state = state;
        this.gitHubAppClientId = gitHubAppClientId;
    }

    /** The same payloads as GitHub delivers them to this GitHub App, with its installation on the organization. */
    public WebhookPayloads toGitHubApp(String clientId) {
        return new WebhookPayloads(state, clientId);
    }

    /** Event {@code organization}, action {@code member_removed}: the member left or was removed. */
    public String memberRemoved(Organization organization, GitHubUser member, GitHubUser sender) {
        Organization org = state.directory().organization(organization.id());
        OrgRole role = state.memberships().of(org.id(), member.id()).map(Memberships.OrgMembership::role)
                .orElse(OrgRole.MEMBER);
        return finish(action("member_removed")
                .add("membership", OrgJson.membership(org, member, new Memberships.OrgMembership(role, false, false),
                        state.urls(), false)), org, sender);
    }

    /** Event {@code membership}, action {@code removed}, scope {@code team}: the member left or lost the team. */
    public String teamMembershipRemoved(Team team, GitHubUser member, GitHubUser sender) {
        Organization org = state.directory().organization(team.organizationId());
        return finish(action("removed")
                .add("scope", "team")
                .add("member", UserJson.simple(member, state.urls()))
                .add("team", TeamJson.simple(team, org, state.urls())), org, sender);
    }

    /** Event {@code team}, action {@code deleted}. */
    public String teamDeleted(Team team, GitHubUser sender) {
        Organization org = state.directory().organization(team.organizationId());
        return finish(action("deleted").add("team", TeamJson.simple(team, org, state.urls())), org, sender);
    }

    private static JsonObjectBuilder action(String action) {
        return Replies.JSON.createObjectBuilder().add("action", action);
    }

    /** What every event carries after its own members, in GitHub's order. */
    private String finish(JsonObjectBuilder json, Organization org, GitHubUser sender) {
        json.add("organization", OrgJson.simple(org, state.urls()))
                .add("sender", UserJson.simple(sender, state.urls()));
        if (gitHubAppClientId != null) {
            long id = state.policies().installationId(org.id(), gitHubAppClientId);
            json.add("installation", Replies.JSON.createObjectBuilder()
                    .add("id", id)
                    .add("node_id", UserJson.nodeId("IntegrationInstallation", id)));
        }
        return json.build().toString();
    }
}

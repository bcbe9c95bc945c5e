package dev.latchkey.testing.github;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Renders a user the way GitHub's REST API does: the full private profile and the simple form nested elsewhere. */
final class UserJson {

    private UserJson() {
    }

    /** {@code GET /user}: the simple user plus the profile, with {@code email} null when it is private. */
    static JsonObject authenticated(GitHubUser user, Urls urls) {
        JsonObjectBuilder json = simpleBuilder(user, urls);
        addNullable(json, "name", user.name());
        json.addNull("company").add("blog", "").addNull("location");
        addNullable(json, "email", user.email());
        json.addNull("hireable").addNull("bio").addNull("twitter_username");
        addNullable(json, "notification_email", user.email());
        return json.add("public_repos", 0).add("public_gists", 0).add("followers", 0).add("following", 0)
                .add("created_at", user.createdAt().toString())
                .add("updated_at", user.createdAt().toString())
                .build();
    }

    static JsonObject simple(GitHubUser user, Urls urls) {
        return simpleBuilder(user, urls).build();
    }

    private static JsonObjectBuilder simpleBuilder(GitHubUser user, Urls urls) {
        String api = urls.api() + "/users/" + user.login();
        return Replies.JSON.createObjectBuilder()
                .add("login", user.login())
                .add("id", user.id())
                .add("node_id", nodeId(user))
                .add("avatar_url", user.avatarUrl())
                .add("gravatar_id", "")
                .add("url", api)
                .add("html_url", urls.web() + "/" + user.login())
                .add("followers_url", api + "/followers")
                .add("following_url", api + "/following{/other_user}")
                .add("gists_url", api + "/gists{/gist_id}")
                .add("starred_url", api + "/starred{/owner}{/repo}")
                .add("subscriptions_url", api + "/subscriptions")
                .add("organizations_url", api + "/orgs")
                .add("repos_url", api + "/repos")
                .add("events_url", api + "/events{/privacy}")
                .add("received_events_url", api + "/received_events")
                .add("type", "User")
                .add("user_view_type", "public")
                .add("site_admin", false);
    }

    static JsonObject email(Email email) {
        JsonObjectBuilder json = Replies.JSON.createObjectBuilder()
                .add("email", email.email())
                .add("primary", email.primary())
                .add("verified", email.verified());
        addNullable(json, "visibility", email.visibility());
        return json.build();
    }

    private static String nodeId(GitHubUser user) {
        return nodeId("User", user.id());
    }

    /** GitHub's legacy global node id: base64 of "0", the type name's length, ":", the type and the id. */
    static String nodeId(String type, long id) {
        String prefix = "0" + type.length() + ":" + type;
        return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.US_ASCII));
    }

    private static void addNullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}

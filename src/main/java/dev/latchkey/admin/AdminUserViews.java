package dev.latchkey.admin;

import dev.latchkey.auth.session.Session;
import dev.latchkey.membership.MembershipRecord;
import dev.latchkey.membership.MembershipResult;
import dev.latchkey.user.User;
import dev.latchkey.user.UserBan;
import dev.latchkey.user.UserView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;

/**
 * Users and sessions as the admin API shows them: the profile as {@code /auth/me} has it, plus the ban in force and
 * the last organization membership check.
 */
final class AdminUserViews {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES).withNullValues(true));

    private AdminUserViews() {
    }

    static JsonObjectBuilder user(User user, Optional<MembershipRecord> membership, Instant now) {
        JsonObject profile = Json.createReader(new StringReader(JSONB.toJson(UserView.of(user)))).readObject();
        return Json.createObjectBuilder(profile)
                .remove("impersonated_by")
                .remove("orgs")
                .add("ban", user.banAt(now).<JsonValue>map(AdminUserViews::ban).orElse(JsonValue.NULL))
                .add("membership", membership.<JsonValue>map(AdminUserViews::membership).orElse(JsonValue.NULL));
    }

    static JsonObject session(Session session) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", session.id())
                .add("created_at", UserView.timestamp(session.createdAt()))
                .add("last_seen_at", UserView.timestamp(session.lastSeenAt()))
                .add("expires_at", UserView.timestamp(session.expiresAt()));
        text(json, "ip_address", session.ipAddress());
        text(json, "user_agent", session.userAgent());
        if (session.impersonatorId() == null) {
            json.addNull("impersonator_id");
        } else {
            json.add("impersonator_id", session.impersonatorId());
        }
        return json.build();
    }

    private static JsonObject ban(UserBan ban) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("banned_at", UserView.timestamp(ban.bannedAt()));
        text(json, "reason", ban.reason());
        text(json, "expires_at", UserView.timestamp(ban.expiresAt()));
        if (ban.bannedBy() == null) {
            json.addNull("banned_by");
        } else {
            json.add("banned_by", ban.bannedBy());
        }
        return json.build();
    }

    private static JsonObject membership(MembershipRecord check) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("checked_at", UserView.timestamp(check.checkedAt()));
        text(json, "verified_at", UserView.timestamp(check.verifiedAt()));
        json.add("result", check.result().code());
        text(json, "failure", check.failure().map(MembershipResult::code).orElse(null));
        return json.add("orgs", Json.createArrayBuilder(check.found())).build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}

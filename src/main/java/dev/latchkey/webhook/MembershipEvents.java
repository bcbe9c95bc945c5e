package dev.latchkey.webhook;

import dev.latchkey.membership.MembershipRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Ends access as GitHub reports memberships ending ({@code organization} {@code member_removed}, {@code membership}
 * {@code removed} from a team, {@code team} {@code deleted}), in the delivery's transaction; users, organizations and
 * teams are named by GitHub's numeric ids, never by login.
 */
@ApplicationScoped
class MembershipEvents {

    static final String ORGANIZATION = "organization";
    static final String MEMBERSHIP = "membership";
    static final String TEAM = "team";

    private static final Logger LOG = Logger.getLogger(MembershipEvents.class.getName());

    @Inject
    MembershipRemovals removals;

    /** {@code processed} when a user lost an allowed or admin entry they were found in, else {@code ignored}. */
    @Transactional(Transactional.TxType.MANDATORY)
    String apply(String deliveryId, String event, JsonObject payload) {
        String action = payload.getString("action", "");
        boolean applied = switch (event) {
            case ORGANIZATION -> "member_removed".equals(action) && leftOrganization(payload);
            case MEMBERSHIP -> "removed".equals(action) && TEAM.equals(payload.getString("scope", ""))
                    && leftTeam(payload);
            case TEAM -> "deleted".equals(action) && teamDeleted(payload);
            default -> false;
        };
        if (applied) {
            LOG.info(() -> "Webhook delivery " + deliveryId + " (" + event + " " + action
                    + ") removed allowed memberships");
        }
        return applied ? "processed" : "ignored";
    }

    private boolean leftOrganization(JsonObject payload) {
        OptionalLong user = id(payload, "membership", "user");
        OptionalLong organization = id(payload, ORGANIZATION);
        return user.isPresent() && organization.isPresent()
                && removals.removedFromOrganization(user.getAsLong(), organization.getAsLong());
    }

    private boolean leftTeam(JsonObject payload) {
        OptionalLong user = id(payload, "member");
        OptionalLong team = id(payload, TEAM);
        return user.isPresent() && team.isPresent() && removals.removedFromTeam(user.getAsLong(), team.getAsLong());
    }

    private boolean teamDeleted(JsonObject payload) {
        OptionalLong team = id(payload, TEAM);
        return team.isPresent() && removals.teamDeleted(team.getAsLong()) > 0;
    }

    /** The integral {@code id} of the object at {@code path}; empty when the payload has none there. */
    private static OptionalLong id(JsonObject payload, String... path) {
        JsonValue value = payload;
        for (String name : path) {
            value = value instanceof JsonObject object ? object.get(name) : null;
        }
        JsonValue id = value instanceof JsonObject object ? object.get("id") : null;
        return id instanceof JsonNumber number && number.isIntegral() ? OptionalLong.of(number.longValue())
                : OptionalLong.empty();
    }
}

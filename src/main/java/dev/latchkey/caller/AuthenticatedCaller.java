package dev.latchkey.caller;

import dev.latchkey.user.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed-in user and the session their request came with; {@code impersonatorId} is the admin acting as them
 * in an impersonation session, else null.
 */
public record AuthenticatedCaller(User user, String sessionId, Long impersonatorId) {


    public long userId() {
        return user.id();
    }

    public boolean impersonated() {
        return impersonatorId != null;
    }

    /** Who is really acting: the impersonating admin, else the user. */
    public long actorId() {
        return impersonated() ? impersonatorId : user.id();
    }

    /**
     * An audit detail plus {@code github_login}, the GitHub account linked now (null for none): recorded when the
     * user secures their account, so they see a GitHub account a session thief may have linked.
     */
    public Map<String, Object> withLinkedGitHub(Map<String, ?> detail) {
        Map<String, Object> with = new LinkedHashMap<>(detail);
        with.put("github_login", user.githubLogin());
        return with;
    }
}

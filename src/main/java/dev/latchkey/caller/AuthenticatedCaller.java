package dev.latchkey.caller;

import dev.latchkey.user.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed-in user and the session their request came with; {@code impersonatorId} is the admin acting as them
 * in an impersonation session, else null.
 */
public record AuthenticatedCaller(User user, String sessionId, Long impersonatorId) {

    public static final String USER_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".user";
    public static final String FAILURE_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".failure";
    public static final String BANNED_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".banned";
    public static final String CONFINED_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".confined";
    public static final String UNCHECKED_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".unchecked";

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

package dev.latchkey.auth;

import dev.latchkey.user.User;

/**
 * The signed-in user and the session their request came with.
 */
public record AuthenticatedCaller(User user, String sessionId) {

    static final String USER_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".user";
    static final String FAILURE_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".failure";

    public long userId() {
        return user.id();
    }
}

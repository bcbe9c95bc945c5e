package dev.latchkey.auth.session;

/**
 * Fired when sessions end: one session by id, or (with a null id) every session of a user, also those in which
 * they impersonate someone.
 */
public record SessionsEnded(String sessionId, Long userId) {

    static SessionsEnded one(String sessionId) {
        return new SessionsEnded(sessionId, null);
    }

    static SessionsEnded allOf(long userId) {
        return new SessionsEnded(null, userId);
    }
}

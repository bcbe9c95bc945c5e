package dev.latchkey.auth.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why Latchkey itself ended a user's sessions, stored with them so that their tokens' 401 says it.
 */
public enum SessionEndReason {
    MEMBERSHIP_ENDED("membership_ended", "No longer a member of an allowed organization"),
    MEMBERSHIP_UNVERIFIED("membership_unverified",
            "Your organization membership could not be checked with GitHub for too long: sign in with GitHub again");

    private final String code;
    private final String detail;

    SessionEndReason(String code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    /** The stored value, for example {@code membership_ended}. */
    public String code() {
        return code;
    }

    /** What a client presenting a token of such a session is told (401). */
    public String detail() {
        return detail;
    }

    static Optional<SessionEndReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}

package dev.latchkey.caller;

import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.user.User;
import java.util.Optional;

/**
 * What the session check decided about the token a request presented, kept on the request as its one
 * authentication outcome for the filters and {@link Caller} to read; no outcome means no token was presented.
 */
public sealed interface SessionOutcome
        permits SessionOutcome.Valid, SessionOutcome.Refused, SessionOutcome.Banned, SessionOutcome.Unchecked {

    /** The request attribute (a JAX-RS request property too) that holds the outcome. */
    String ATTRIBUTE = SessionOutcome.class.getName();

    /**
     * The token is good; {@code confinement}, when not null, is the 403 detail of every request but those that
     * link GitHub, sign out or leave (an account without GitHub under an organization allow-list).
     */
    record Valid(User user, SessionClaims claims, Session session, String confinement) implements SessionOutcome {

        public Valid(User user, SessionClaims claims, Session session) {
            this(user, claims, session, null);
        }
    }

    /** The token is refused, with the detail a client is told (401). */
    record Refused(String reason) implements SessionOutcome {
    }

    /** The token is good but its user is banned: every request answers 403 with this detail. */
    record Banned(String detail) implements SessionOutcome {
    }

    /** The token could not be checked (the database does not answer): neither signed in nor signed out. */
    record Unchecked(RuntimeException failure) implements SessionOutcome {
    }

    /** The outcome the session check left on a request, from its attribute; empty when no token came. */
    static Optional<SessionOutcome> of(Object attribute) {
        return attribute instanceof SessionOutcome outcome ? Optional.of(outcome) : Optional.empty();
    }

    /** The reason a request is not signed in, for its 401; null when it presented no token. */
    static String refusalOf(Object attribute) {
        return of(attribute).map(outcome -> outcome instanceof Refused refused ? refused.reason() : null).orElse(null);
    }
}

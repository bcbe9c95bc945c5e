package dev.latchkey.auth.github;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.web.Cookies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The short-lived cookie that binds an OAuth state to the browser that started the sign-in (login CSRF defence).
 */
@ApplicationScoped
public class OAuthStateCookie {

    public static final String NAME = "latchkey_oauth_state";

    @Inject
    SessionCookie sessionCookie;

    private String name;
    private Cookies.Attributes attributes;

    @PostConstruct
    void init() {
        name = name(sessionCookie.production());
        attributes = attributes(sessionCookie.production());
    }

    /** Production: {@code __Host-} prefixed, so a sibling domain cannot plant a state of its own (login CSRF). */
    static String name(boolean production) {
        return production ? SessionCookie.HOST_PREFIX + NAME : NAME;
    }

    static Cookies.Attributes attributes(boolean production) {
        // Lax: GitHub's redirect back is a top-level GET, which Lax cookies accompany. A __Host- cookie needs Path=/.
        return production ? new Cookies.Attributes("/", true, "Lax")
                : new Cookies.Attributes("/auth/github", false, "Lax");
    }

    String set(String state) {
        return Cookies.set(name, state, OAuthStates.LIFETIME.toSeconds(), attributes);
    }

    String expire() {
        return Cookies.expire(name, attributes);
    }

    /** The state this browser was given, or null. */
    String presented(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }
}

package dev.latchkey.auth.github;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.web.Cookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The short-lived cookie that binds an OAuth state to the browser that started the sign-in (login CSRF defence).
 */
@ApplicationScoped
public class OAuthStateCookie {

    public static final String NAME = "latchkey_oauth_state";

    @Inject
    SessionCookie sessionCookie;

    String set(String state) {
        return Cookies.set(NAME, state, OAuthStates.LIFETIME.toSeconds(), attributes());
    }

    String expire() {
        return Cookies.expire(NAME, attributes());
    }

    private Cookies.Attributes attributes() {
        // Lax: GitHub's redirect back is a top-level GET, which Lax cookies accompany.
        return new Cookies.Attributes("/auth/github", sessionCookie.secure(), "Lax");
    }
}

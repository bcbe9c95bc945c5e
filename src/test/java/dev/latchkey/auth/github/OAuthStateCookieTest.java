package dev.latchkey.auth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.web.Cookies;
import org.junit.jupiter.api.Test;

class OAuthStateCookieTest {

    @Test
    void productionBindsTheStateWithAHostPrefixedCookie() {
        assertEquals("__Host-latchkey_oauth_state=s; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax",
                Cookies.set(OAuthStateCookie.name(true), "s", 600, OAuthStateCookie.attributes(true)));
    }

    @Test
    void developmentKeepsTheNameAndPathOfPlainHttp() {
        assertEquals("latchkey_oauth_state=s; Max-Age=600; Path=/auth/github; HttpOnly; SameSite=Lax",
                Cookies.set(OAuthStateCookie.name(false), "s", 600, OAuthStateCookie.attributes(false)));
    }
}

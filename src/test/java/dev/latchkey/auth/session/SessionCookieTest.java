package dev.latchkey.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.web.Cookies;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void developmentCookiesAreLaxAndNotSecure() {
        assertEquals("access_token=t; Max-Age=60; Path=/; HttpOnly; SameSite=Lax",
                Cookies.set("access_token", "t", 60, SessionCookie.attributes(false, false)));
    }

    @Test
    void productionCookiesAreSecureAndCrossSiteOnlyWhenTheFrontendIsElsewhere() {
        assertEquals("n=t; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=Lax",
                Cookies.set("n", "t", 60, SessionCookie.attributes(true, true)));
        assertEquals("n=t; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=None",
                Cookies.set("n", "t", 60, SessionCookie.attributes(true, false)));
    }

    @Test
    void expiringKeepsTheSameAttributes() {
        assertEquals("n=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; SameSite=None",
                Cookies.expire("n", SessionCookie.attributes(true, false)));
    }

    @Test
    void productionKeepsTheAdminsSessionInAHostPrefixedCookie() {
        Cookies.Attributes session = SessionCookie.attributes(true, false);
        assertEquals("__Host-latchkey_admin_session=t; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=None",
                Cookies.set(SessionCookie.adminName(true), "t", 60, SessionCookie.adminAttributes(true, session)));
    }

    @Test
    void developmentKeepsTheAdminsSessionForAuthOnly() {
        Cookies.Attributes session = SessionCookie.attributes(false, true);
        assertEquals("latchkey_admin_session=t; Max-Age=60; Path=/auth; HttpOnly; SameSite=Lax",
                Cookies.set(SessionCookie.adminName(false), "t", 60, SessionCookie.adminAttributes(false, session)));
    }
}

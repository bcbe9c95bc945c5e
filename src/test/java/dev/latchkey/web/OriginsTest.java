package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginsTest {

    private static Origins origins(String cors) {
        Origins origins = new Origins();
        origins.backendUrl = "https://login.example.com";
        origins.frontendUrl = "https://app.example.com";
        origins.corsOrigins = Optional.ofNullable(cors);
        origins.init();
        return origins;
    }

    @Test
    void urlsAreReducedToTheirOrigin() {
        assertEquals(Optional.of("https://app.example.com"), Origins.of("HTTPS://App.Example.com:443/path?q#f"));
        assertEquals(Optional.of("http://localhost:3000"), Origins.of("http://localhost:3000/"));
        assertEquals(Optional.empty(), Origins.of("null"));
        assertEquals(Optional.empty(), Origins.of("file:///etc/passwd"));
        assertEquals(Optional.empty(), Origins.of("https://user@app.example.com"));
    }

    @Test
    void corsDefaultsToTheFrontendAndMatchesExactly() {
        Origins origins = origins(null);
        assertTrue(origins.allowedForCors("https://app.example.com"));
        assertFalse(origins.allowedForCors("https://login.example.com"), "the backend itself needs no CORS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com", "null", "http://app.example.com", "https://app.example.com:8443",
        "https://app.example.com.evil.com", "https://xapp.example.com", "https://app.example.co", "https://app.example.com/",
        "https://APP.example.com", "*"})
    void lookAlikesAreNeverAllowed(String origin) {
        assertFalse(origins("https://app.example.com, http://localhost:3000").allowedForCors(origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "CROSS-SITE"})
    void navigationsAnotherSiteStartedGoOnOnlyFromATrustedOrigin(String fetchSite) {
        Origins origins = origins("http://localhost:3000");
        assertTrue(origins.foreignNavigation(fetchSite, null, null), "an <img> that sends no Referer");
        assertTrue(origins.foreignNavigation(fetchSite, null, "https://evil.com/page"));
        assertTrue(origins.foreignNavigation(fetchSite, null, "https://app.example.com.evil.com/"));
        assertTrue(origins.foreignNavigation(fetchSite, "null", "https://app.example.com/"), "Origin comes first");
        assertFalse(origins.foreignNavigation(fetchSite, null, "https://app.example.com/settings"), "FRONTEND_URL");
        assertFalse(origins.foreignNavigation(fetchSite, null, "https://login.example.com/"), "BACKEND_URL");
        assertFalse(origins.foreignNavigation(fetchSite, "http://localhost:3000", null), "CORS_ORIGINS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-origin", "none", ""})
    void navigationsTheBrowserDoesNotMarkAsAnotherSitesGoOn(String fetchSite) {
        assertFalse(origins(null).foreignNavigation(fetchSite, null, "https://evil.com/"));
        assertFalse(origins(null).foreignNavigation(null, null, null), "typed by hand, or a script");
    }

    @Test
    void stateChangesAreTrustedFromTheBackendAndTheCorsOrigins() {
        Origins origins = origins("https://app.example.com,http://localhost:3000");
        assertTrue(origins.trusted("https://login.example.com"));
        assertTrue(origins.trusted("http://localhost:3000/settings"), "a Referer URL counts by its origin");
        assertFalse(origins.trusted("https://evil.com"));
        assertFalse(origins.trusted("null"));
    }
}

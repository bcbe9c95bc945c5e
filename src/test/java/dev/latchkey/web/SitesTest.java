package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SitesTest {

    @Test
    void subdomainsOfOneDomainAreTheSameSite() {
        assertTrue(Sites.sameSite("https://login.example.com", "https://app.example.com"));
        assertTrue(Sites.sameSite("https://example.com", "https://www.example.com:8443"));
        assertTrue(Sites.sameSite("http://localhost:8080", "http://localhost:3000"));
    }

    @Test
    void otherDomainsOrSchemesAreOtherSites() {
        assertFalse(Sites.sameSite("https://login.example.com", "https://app.example.net"));
        assertFalse(Sites.sameSite("https://example.com", "http://example.com"));
        assertFalse(Sites.sameSite("https://notexample.com", "https://example.com"));
        assertFalse(Sites.sameSite("http://127.0.0.1:8080", "http://127.0.0.2:8080"));
    }
}

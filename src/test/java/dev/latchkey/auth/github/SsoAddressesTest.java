package dev.latchkey.auth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsoAddressesTest {

    private static final String GITHUB = "https://github.com";

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/orgs/acme/sso?authorization_request=A1B2C3",
        "https://GitHub.com/orgs/acme/sso", "https://github.com:443/orgs/acme/sso"})
    void anAddressOnGitHubsWebHostIsPassedOn(String address) {
        assertEquals(Optional.of(address), SsoAddresses.onGitHub(address, GITHUB));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/orgs/acme/sso", "http://github.com/orgs/acme/sso",
        "https://github.com.evil.example/sso", "https://github.com:8443/orgs/acme/sso",
        "https://github.com@evil.example/sso", "https://user@github.com/orgs/acme/sso", "javascript:alert(1)",
        "//github.com/orgs/acme/sso", "/orgs/acme/sso", "https://api.github.com/orgs/acme/sso",
        "https://github.com/orgs/acme/sso?x=a b", "data:text/html,<script>alert(1)</script>", "",
        // On GitHub's host, but not an organization's SSO page: another app's consent screen, say.
        "https://github.com", "https://github.com/login/oauth/authorize?client_id=other",
        "https://github.com/orgs/acme/sso/../../../login/oauth/authorize", "https://github.com/orgs/ac/me/sso"})
    void anyOtherAddressIsLeftOut(String address) {
        assertEquals(Optional.empty(), SsoAddresses.onGitHub(address, GITHUB));
    }

    @Test
    void aLongOrMissingAddressIsLeftOut() {
        assertEquals(Optional.empty(), SsoAddresses.onGitHub(GITHUB + "/" + "a".repeat(2048), GITHUB));
        assertEquals(Optional.empty(), SsoAddresses.onGitHub(null, GITHUB));
    }

    @Test
    void aGitHubEnterpriseServerOrTheTestStubIsItsOwnHost() {
        assertEquals(Optional.of("http://127.0.0.1:4321/orgs/acme/sso"),
                SsoAddresses.onGitHub("http://127.0.0.1:4321/orgs/acme/sso", "http://127.0.0.1:4321"));
        assertEquals(Optional.empty(), SsoAddresses.onGitHub("http://127.0.0.1:4322/orgs/acme/sso",
                "http://127.0.0.1:4321"));
        assertEquals(Optional.empty(), SsoAddresses.onGitHub("http://localhost:4321/orgs/acme/sso",
                "http://127.0.0.1:4321"));
    }
}

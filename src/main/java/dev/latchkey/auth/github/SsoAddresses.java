package dev.latchkey.auth.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SAML single sign-on address GitHub gave ({@code X-GitHub-SSO}), passed on to the sign-in page only when it is
 * on GitHub's own web host ({@code GITHUB_URL}): the page makes it a link, so it must never lead anywhere else.
 */
final class SsoAddresses {

    /** GitHub's own addresses are far shorter; a longer one would only bloat the redirect. */
    private static final int MAX_LENGTH = 2048;

    private SsoAddresses() {
    }

    /**
     * The address when it has GitHub's scheme, host and port, no user part, and is an organization's SSO page
     * ({@code /orgs/{org}/sso}: not another app's consent screen on GitHub); otherwise empty.
     */
    static Optional<String> onGitHub(String address, String gitHubUrl) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI candidate = new URI(address);
            URI gitHub = new URI(gitHubUrl);
            boolean same = candidate.isAbsolute() && candidate.getRawUserInfo() == null && candidate.getHost() != null
                    && gitHub.getScheme().equalsIgnoreCase(candidate.getScheme())
                    && gitHub.getHost().equalsIgnoreCase(candidate.getHost())
                    && port(gitHub) == port(candidate)
                    && candidate.getRawPath() != null && candidate.getRawPath().matches(
                            Pattern.quote(stripped(gitHub.getRawPath())) + "/orgs/[A-Za-z0-9-]{1,39}/sso");
            return same ? Optional.of(address) : Optional.empty();
        } catch (URISyntaxException | NullPointerException malformed) {
            return Optional.empty();
        }
    }

    private static String stripped(String path) {
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}

package dev.latchkey.testing.github;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What organizations enforce on tokens: SAML single sign-on and the tokens authorized for it, OAuth App access
 * restrictions and the apps approved despite them, and the GitHub Apps installed (all of them, unless uninstalled).
 */
final class OrgPolicies {

    private final Set<Long> ssoEnforced = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> ssoSites = new ConcurrentHashMap<>();
    private final Set<String> ssoAuthorized = ConcurrentHashMap.newKeySet();
    private final Set<Long> oauthRestricted = ConcurrentHashMap.newKeySet();
    private final Set<String> approvedApps = ConcurrentHashMap.newKeySet();
    private final Set<String> uninstalledApps = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> installations = new ConcurrentHashMap<>();

    void enforceSso(long organizationId) {
        ssoEnforced.add(organizationId);
    }

    void ssoSite(long organizationId, String webRoot) {
        ssoSites.put(organizationId, webRoot);
    }

    /** The site other than GitHub's that the organization's {@code X-GitHub-SSO} addresses name, if any. */
    Optional<String> ssoSite(long organizationId) {
        return Optional.ofNullable(ssoSites.get(organizationId));
    }

    void authorizeSso(long organizationId, String token) {
        ssoAuthorized.add(organizationId + " " + token);
    }

    /** True when the organization enforces SAML SSO and the token was not authorized for it. */
    boolean ssoBlocks(long organizationId, String token) {
        return ssoEnforced.contains(organizationId) && !ssoAuthorized.contains(organizationId + " " + token);
    }

    void restrictOAuthApps(long organizationId) {
        oauthRestricted.add(organizationId);
    }

    void approveOAuthApp(long organizationId, String clientId) {
        approvedApps.add(organizationId + " " + clientId);
    }

    boolean oauthAppBlocked(long organizationId, String clientId) {
        return oauthRestricted.contains(organizationId) && !approvedApps.contains(organizationId + " " + clientId);
    }

    /** The installation's id; a GitHub App reinstalled after being uninstalled gets a new one, as on GitHub. */
    long install(long organizationId, String clientId) {
        uninstalledApps.remove(organizationId + " " + clientId);
        return installationId(organizationId, clientId);
    }

    long installationId(long organizationId, String clientId) {
        return installations.computeIfAbsent(organizationId + " " + clientId, key -> GitHubState.randomId());
    }

    void uninstall(long organizationId, String clientId) {
        String key = organizationId + " " + clientId;
        uninstalledApps.add(key);
        installations.remove(key);
    }

    boolean installed(long organizationId, String clientId) {
        return !uninstalledApps.contains(organizationId + " " + clientId);
    }
}

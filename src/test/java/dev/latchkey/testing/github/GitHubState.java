package dev.latchkey.testing.github;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Everything the fake GitHub knows (users, orgs, apps, codes, tokens), safe to use from many threads at once. */
final class GitHubState {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Long, GitHubUser> users = new ConcurrentHashMap<>();
    private final OrgDirectory directory = new OrgDirectory();
    private final Memberships memberships = new Memberships();
    private final OrgPolicies policies = new OrgPolicies();
    private final Map<String, OAuthApp> apps = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final IssuedTokens tokens = new IssuedTokens();
    private final AtomicReference<Long> signedInUserId = new AtomicReference<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private volatile Urls urls;

    Urls urls() {
        return urls;
    }

    void urls(Urls value) {
        urls = value;
    }

    Instant now() {
        return Instant.now().plus(clockOffset.get());
    }

    void advanceClock(Duration amount) {
        clockOffset.accumulateAndGet(amount, Duration::plus);
    }

    GitHubUser newUser(String login) {
        requireFreeLogin(login, null);
        GitHubUser user;
        do {
            user = described(randomId(), login);
        } while (users.putIfAbsent(user.id(), user) != null);
        return user;
    }

    GitHubUser newUser(String login, long id) {
        requireFreeLogin(login, null);
        GitHubUser user = described(id, login);
        if (users.putIfAbsent(id, user) != null) {
            throw new IllegalStateException("The fake already has a GitHub account with id " + id);
        }
        return user;
    }

    private GitHubUser described(long id, String login) {
        String name = Character.toUpperCase(login.charAt(0)) + login.substring(1);
        return new GitHubUser(id, login, name, List.of(Email.primary(login + "@example.com")),
                urls.web() + "/avatars/u/" + id + "?v=4", now().truncatedTo(ChronoUnit.SECONDS));
    }

    void remember(GitHubUser user) {
        requireFreeLogin(user.login(), user.id());
        users.put(user.id(), user);
    }

    /** One account holds a login at a time, compared case-insensitively, as on GitHub. */
    private void requireFreeLogin(String login, Long exceptId) {
        users.values().stream()
                .filter(holder -> holder.login().equalsIgnoreCase(login) && !Long.valueOf(holder.id()).equals(exceptId))
                .findAny()
                .ifPresent(holder -> {
                    throw new IllegalStateException("The GitHub login " + login + " belongs to account " + holder.id()
                            + ": rename that account (withLogin) before another takes the login");
                });
    }

    Optional<GitHubUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    void signIn(GitHubUser user) {
        remember(user);
        signedInUserId.set(user.id());
    }

    Optional<GitHubUser> signedInUser() {
        return Optional.ofNullable(signedInUserId.get()).flatMap(this::user);
    }

    /** The account with this login now, compared case-insensitively as on GitHub. */
    Optional<GitHubUser> user(String login) {
        return users.values().stream().filter(user -> user.login().equalsIgnoreCase(login)).findAny();
    }

    OrgDirectory directory() {
        return directory;
    }

    Memberships memberships() {
        return memberships;
    }

    OrgPolicies policies() {
        return policies;
    }

    /** The organizations the user is an active member of, as they are named now. */
    List<Organization> organizationsOf(long userId) {
        return memberships.activeOrganizations(userId).stream().map(directory::organization).toList();
    }

    void addApp(String clientId, String clientSecret, boolean expiringTokens) {
        apps.put(clientId, new OAuthApp(clientId, clientSecret, expiringTokens));
    }

    Optional<OAuthApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    AuthorizationCode issueCode(long userId, String clientId, String redirectUri, List<String> scopes,
                                String codeChallenge) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        AuthorizationCode code = new AuthorizationCode(HexFormat.of().formatHex(bytes), userId, clientId,
                redirectUri, List.copyOf(scopes), codeChallenge, now());
        codes.put(code.code(), code);
        return code;
    }

    /** Removes the code atomically, so of two racing exchanges only one ever sees it. */
    Optional<AuthorizationCode> consumeCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    /** An OAuth token ({@code gho_}) of the app, or a classic personal access token ({@code ghp_}) without one. */
    AccessToken issueToken(long userId, String clientId, List<String> scopes) {
        return tokens.issue(userId, clientId == null ? "ghp_" : "gho_", clientId, scopes, now());
    }

    IssuedTokens tokens() {
        return tokens;
    }

    /** A live token (issued, not revoked, not expired) by its value. */
    Optional<AccessToken> token(String value) {
        return tokens.find(value, now());
    }

    static long randomId() {
        return 10_000_000L + RANDOM.nextInt(990_000_000);
    }
}

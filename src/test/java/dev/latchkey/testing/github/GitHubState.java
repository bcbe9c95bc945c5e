package dev.latchkey.testing.github;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Everything the fake GitHub knows (users, apps, codes, tokens), safe to use from many request threads at once. */
final class GitHubState {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<Long, GitHubUser> users = new ConcurrentHashMap<>();
    private final Map<String, OAuthApp> apps = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final AtomicReference<Long> signedInUserId = new AtomicReference<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong tokenIds = new AtomicLong();
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
        String name = Character.toUpperCase(login.charAt(0)) + login.substring(1);
        GitHubUser user;
        do {
            long id = 10_000_000L + RANDOM.nextInt(990_000_000);
            user = new GitHubUser(id, login, name, List.of(Email.primary(login + "@example.com")),
                    urls.web() + "/avatars/u/" + id + "?v=4", now().truncatedTo(ChronoUnit.SECONDS));
        } while (users.putIfAbsent(user.id(), user) != null);
        return user;
    }

    void remember(GitHubUser user) {
        users.put(user.id(), user);
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

    void addApp(String clientId, String clientSecret) {
        apps.put(clientId, new OAuthApp(clientId, clientSecret));
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

    AccessToken issueToken(long userId, String clientId, List<String> scopes) {
        return issueToken(userId, clientId == null ? "ghp_" : "gho_", clientId, scopes);
    }

    AccessToken issueToken(long userId, String prefix, String clientId, List<String> scopes) {
        StringBuilder value = new StringBuilder(prefix);
        for (int i = 0; i < (prefix.equals("github_pat_") ? 82 : 36); i++) {
            value.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        AccessToken token = new AccessToken(tokenIds.incrementAndGet(), value.toString(), userId, clientId, List.copyOf(scopes),
                now().truncatedTo(ChronoUnit.SECONDS));
        tokens.put(token.value(), token);
        return token;
    }

    Optional<AccessToken> token(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(tokens.get(value));
    }

    void revoke(String value) {
        tokens.remove(value);
    }

    /** Deletes the user's grant for the app: every token the app holds for that user. */
    void revokeGrant(long userId, String clientId) {
        tokens.values().removeIf(t -> t.userId() == userId && t.isIssuedTo(clientId));
    }

    void revokeAll(long userId) {
        tokens.values().removeIf(t -> t.userId() == userId);
    }

    Set<String> liveTokens(long userId) {
        return tokens.values().stream()
                .filter(t -> t.userId() == userId)
                .map(AccessToken::value)
                .collect(Collectors.toUnmodifiableSet());
    }
}

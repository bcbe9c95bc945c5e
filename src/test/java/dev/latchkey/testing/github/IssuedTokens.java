package dev.latchkey.testing.github;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** The tokens the fake has issued and not revoked: access tokens and GitHub Apps' refresh tokens. */
final class IssuedTokens {

    /** GitHub App user tokens live 8 hours, their refresh tokens about 6 months. */
    static final Duration USER_TOKEN_LIFETIME = Duration.ofSeconds(28_800);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofSeconds(15_811_200);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<Duration> userTokenLifetime = new AtomicReference<>(USER_TOKEN_LIFETIME);

    /** What one code exchange or refresh of a GitHub App hands out. */
    record UserTokens(AccessToken access, RefreshToken refresh) {
    }

    /** How long the {@code ghu_} tokens issued from now on live; GitHub's {@code expires_in} says it. */
    void userTokenLifetime(Duration lifetime) {
        userTokenLifetime.set(lifetime);
    }

    AccessToken issue(long userId, String prefix, String clientId, List<String> scopes, Instant now) {
        return issue(userId, prefix, clientId, scopes, now, null);
    }

    /** A {@code ghu_} token for 8 hours and a {@code ghr_} refresh token; GitHub Apps have no OAuth scopes. */
    UserTokens issueExpiring(long userId, String clientId, Instant now) {
        AccessToken access = issue(userId, "ghu_", clientId, List.of(), now, now.plus(userTokenLifetime.get()));
        RefreshToken refresh = new RefreshToken(random("ghr_", 76), userId, clientId, access.value(),
                now.plus(REFRESH_TOKEN_LIFETIME));
        refreshTokens.put(refresh.value(), refresh);
        return new UserTokens(access, refresh);
    }

    private AccessToken issue(long userId, String prefix, String clientId, List<String> scopes, Instant now,
                              Instant expiresAt) {
        AccessToken token = new AccessToken(ids.incrementAndGet(),
                random(prefix, prefix.equals("github_pat_") ? 82 : 36), userId, clientId, List.copyOf(scopes),
                now.truncatedTo(ChronoUnit.SECONDS), expiresAt);
        tokens.put(token.value(), token);
        return token;
    }

    /** The token if it was issued, is not revoked and has not expired. */
    Optional<AccessToken> find(String value, Instant now) {
        return value == null ? Optional.empty() : Optional.ofNullable(tokens.get(value)).filter(t -> t.liveAt(now));
    }

    /**
     * Uses up this app's refresh token: it and the access token issued with it die whatever follows. Empty when the
     * refresh token is unknown, already used, expired or another app's; of racing redeemers only one gets it.
     */
    Optional<RefreshToken> redeem(String value, String clientId, Instant now) {
        RefreshToken refresh = value == null ? null : refreshTokens.get(value);
        if (refresh == null || !refresh.clientId().equals(clientId) || !refreshTokens.remove(value, refresh)) {
            return Optional.empty();
        }
        tokens.remove(refresh.accessToken());
        return Optional.of(refresh).filter(r -> r.liveAt(now));
    }

    void revoke(String value) {
        tokens.remove(value);
        refreshTokens.values().removeIf(r -> r.accessToken().equals(value));
    }

    /** Deletes the user's grant for the app: every token and refresh token the app holds for that user. */
    void revokeGrant(long userId, String clientId) {
        tokens.values().removeIf(t -> t.userId() == userId && t.isIssuedTo(clientId));
        refreshTokens.values().removeIf(r -> r.userId() == userId && r.clientId().equals(clientId));
    }

    void revokeAll(long userId) {
        tokens.values().removeIf(t -> t.userId() == userId);
        refreshTokens.values().removeIf(r -> r.userId() == userId);
    }

    Set<String> live(long userId, Instant now) {
        return tokens.values().stream()
                .filter(t -> t.userId() == userId && t.liveAt(now))
                .map(AccessToken::value)
                .collect(Collectors.toUnmodifiableSet());
    }

    Set<String> liveRefreshTokens(long userId, Instant now) {
        return refreshTokens.values().stream()
                .filter(r -> r.userId() == userId && r.liveAt(now))
                .map(RefreshToken::value)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String random(String prefix, int length) {
        StringBuilder value = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return value.toString();
    }
}

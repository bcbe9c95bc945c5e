package dev.latchkey.it;

import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A user's {@code github_tokens} row as stored (tokens still encrypted), read and changed by GitHub user id.
 */
record StoredGitHubTokenRow(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt,
                            String scopes, Instant grantedAt) {

    static final TokenCipher CIPHER = new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY));

    private static final String OF_USER = " WHERE user_id = (SELECT id FROM users WHERE github_id = ?)";

    static Optional<StoredGitHubTokenRow> of(long githubId) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement select = connection.prepareStatement("SELECT access_token, refresh_token, expires_at,"
                     + " refresh_expires_at, scopes, updated_at FROM github_tokens" + OF_USER)) {
            select.setLong(1, githubId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredGitHubTokenRow(row.getString(1), row.getString(2),
                        instant(row, 3), instant(row, 4), row.getString(5), instant(row, 6))) : Optional.empty();
            }
        }
    }

    /** Moves the stored expiry, as if Latchkey's clock had moved on. */
    static void expireAt(long githubId, Instant expiresAt) throws SQLException {
        TestDatabase.update("UPDATE github_tokens SET expires_at = ?" + OF_USER, expiresAt.atOffset(ZoneOffset.UTC),
                githubId);
    }

    /** Moves the stored expiry and grant time back, as if Latchkey's clock had moved on by {@code passed}. */
    static void age(long githubId, Duration passed) throws SQLException {
        StoredGitHubTokenRow row = of(githubId).orElseThrow();
        TestDatabase.update("UPDATE github_tokens SET expires_at = ?, updated_at = ?" + OF_USER,
                row.expiresAt().minus(passed).atOffset(ZoneOffset.UTC),
                row.grantedAt().minus(passed).atOffset(ZoneOffset.UTC), githubId);
    }

    /** Plants a token (encrypted) and its scopes, as an earlier sign-in would have stored them. */
    static void plant(long githubId, String token, String scopes) throws SQLException {
        TestDatabase.update("UPDATE github_tokens SET access_token = ?, scopes = ?" + OF_USER, CIPHER.encrypt(token),
                scopes, githubId);
    }

    String token() {
        return CIPHER.decrypt(accessToken).value();
    }

    String refresh() {
        return CIPHER.decrypt(refreshToken).value();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

package dev.latchkey.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A user as the API shows them ({@code /auth/me}): GitHub fields are null for a user without GitHub.
 */
public record UserView(long id, Long githubId, String githubUsername, String name, String email, String avatarUrl,
                       String createdAt) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static UserView of(User user) {
        return new UserView(user.id(), user.githubId(), user.githubLogin(), user.name(), user.email(),
                user.avatarUrl(), timestamp(user.createdAt()));
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}

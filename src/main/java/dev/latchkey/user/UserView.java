package dev.latchkey.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A user as the API shows them ({@code /auth/me}, sign-in answers): GitHub fields are null for a user without GitHub;
 * {@code email_verified} is true only for an address GitHub verified; {@code role} is {@code user} or {@code admin};
 * {@code impersonated_by} names the admin acting as them, else null; {@code orgs} lists the GitHub organizations and
 * teams Latchkey asks about that the user was found in at the last membership check (empty unless filled in).
 */
public record UserView(long id, Long githubId, String githubUsername, String name, String email,
                       boolean emailVerified, String avatarUrl, String createdAt, String role,
                       Impersonator impersonatedBy, List<String> orgs) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public UserView {
        orgs = List.copyOf(orgs);
    }

    /** The admin in an impersonation session: who they are, not what they may do. */
    public record Impersonator(long id, String githubUsername, String email) {
    }

    public static UserView of(User user) {
        return of(user, null);
    }

    /** The user as seen in a session where {@code impersonatorOrNull} acts as them. */
    public static UserView of(User user, User impersonatorOrNull) {
        Impersonator impersonator = impersonatorOrNull == null ? null : new Impersonator(impersonatorOrNull.id(),
                impersonatorOrNull.githubLogin(), impersonatorOrNull.email());
        return new UserView(user.id(), user.githubId(), user.githubLogin(), user.name(), user.email(),
                user.emailVerified(), user.avatarUrl(), timestamp(user.createdAt()), user.role(), impersonator,
                List.of());
    }

    /** This view with the organizations and teams the user was found in ({@code ["acme", "acme/core"]}). */
    public UserView withOrgs(List<String> found) {
        return new UserView(id, githubId, githubUsername, name, email, emailVerified, avatarUrl, createdAt, role,
                impersonatedBy, found);
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}

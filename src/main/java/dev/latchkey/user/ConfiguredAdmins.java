package dev.latchkey.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people configuration makes admins when they sign in, so the first admin needs no database edit: GitHub logins
 * and email addresses, both compared case-insensitively.
 */
@ApplicationScoped
class ConfiguredAdmins {

    @Inject
    @ConfigProperty(name = "ADMIN_GITHUB_LOGINS")
    Optional<String> githubLogins;

    @Inject
    @ConfigProperty(name = "ADMIN_EMAILS")
    Optional<String> emails;

    private Set<String> logins;
    private Set<String> addresses;

    @PostConstruct
    void init() {
        logins = lowerCased(githubLogins);
        addresses = lowerCased(emails);
    }

    /** Whether the user's GitHub login, their profile email or their password account's email is listed. */
    boolean names(User user, String passwordEmail) {
        return listed(logins, user.githubLogin()) || listed(addresses, user.email())
                || listed(addresses, passwordEmail);
    }

    private static boolean listed(Set<String> names, String candidate) {
        return candidate != null && names.contains(candidate.trim().toLowerCase(Locale.ROOT));
    }

    private static Set<String> lowerCased(Optional<String> commaSeparated) {
        return commaSeparated.map(value -> Arrays.stream(value.split(","))
                        .map(name -> name.trim().toLowerCase(Locale.ROOT))
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}

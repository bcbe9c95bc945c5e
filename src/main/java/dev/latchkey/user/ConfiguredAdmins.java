package dev.latchkey.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people configuration makes admins when they sign in, so the first admin needs no database edit: GitHub's
 * numeric ids, GitHub logins (each bound to the first GitHub account that presents it) and email addresses GitHub
 * verified, logins and addresses compared case-insensitively. Logins and addresses count only when GitHub has just
 * described the account ({@link GitHubDescription#JUST_DESCRIBED_BY_GITHUB}); from what is stored only the numeric
 * id counts, with a login binding already made for that id.
 */
@ApplicationScoped
class ConfiguredAdmins {

    private static final Logger LOG = Logger.getLogger(ConfiguredAdmins.class.getName());

    /** Which GitHub account a listed login belongs to: the first one that presented it. */
    interface LoginHolders {

        /** The holder of the (lower-cased) login, the presenting account bound to it if none was yet. */
        long holderOf(String login, long githubId);

        /** The holder of the (lower-cased) login, if one is bound; never binds. */
        Optional<Long> boundHolder(String login);
    }

    @Inject
    @ConfigProperty(name = "ADMIN_GITHUB_IDS")
    Optional<String> githubIds;

    @Inject
    @ConfigProperty(name = "ADMIN_GITHUB_LOGINS")
    Optional<String> githubLogins;

    @Inject
    @ConfigProperty(name = "ADMIN_EMAILS")
    Optional<String> emails;

    private Set<Long> ids;
    private Set<String> logins;
    private Set<String> addresses;

    ConfiguredAdmins() {
    }

    ConfiguredAdmins(String ids, String logins, String emails) {
        this.githubIds = Optional.ofNullable(ids);
        this.githubLogins = Optional.ofNullable(logins);
        this.emails = Optional.ofNullable(emails);
        init();
    }

    @PostConstruct
    void init() {
        ids = lowerCased(githubIds).stream().map(ConfiguredAdmins::githubId).collect(Collectors.toUnmodifiableSet());
        logins = lowerCased(githubLogins);
        addresses = lowerCased(emails);
    }

    /** Created at start-up, so a malformed ADMIN_GITHUB_IDS stops the deployment rather than a sign-in. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    /**
     * The setting that makes this user an admin, if any. A listed login counts only for the GitHub account it is
     * bound to: GitHub lets a user give up a login, and another account may take it later.
     *
     * <p>With {@link GitHubDescription#STORED_ONLY} GitHub was not asked: the stored login and address are those of
     * the latest GitHub sign-in, possibly given up since (and the login taken by someone else). Then only the numeric
     * id counts: a listed id, or a binding of the stored login made earlier, from fresh data, to this very id. No
     * binding is made and the stored address is ignored.
     */
    Optional<String> setting(User user, GitHubDescription description, LoginHolders holders) {
        if (!user.hasGitHub()) {
            // Only an address GitHub verified counts, and a password registration proves nothing about the address.
            return Optional.empty();
        }
        if (description == GitHubDescription.STORED_ONLY) {
            if (ids.contains(user.githubId())) {
                return Optional.of("ADMIN_GITHUB_IDS");
            }
            return holdsBoundLogin(user, holders) ? Optional.of("ADMIN_GITHUB_LOGINS") : Optional.empty();
        }
        // Looked at first, so the first account presenting a listed login binds it even when an id lists it too.
        boolean byLogin = holdsListedLogin(user, holders);
        if (ids.contains(user.githubId())) {
            return Optional.of("ADMIN_GITHUB_IDS");
        }
        if (byLogin) {
            return Optional.of("ADMIN_GITHUB_LOGINS");
        }
        return listed(addresses, user.githubEmail()) ? Optional.of("ADMIN_EMAILS") : Optional.empty();
    }

    private boolean holdsListedLogin(User user, LoginHolders holders) {
        if (!listed(logins, user.githubLogin())) {
            return false;
        }
        String login = normalized(user.githubLogin());
        long holder = holders.holderOf(login, user.githubId());
        if (holder != user.githubId()) {
            LOG.warning(() -> "ADMIN_GITHUB_LOGINS lists " + login + ", which belongs to GitHub account " + holder
                    + ": GitHub account " + user.githubId() + " now presents that login and is not made admin");
            return false;
        }
        return true;
    }

    /** A stored login counts only through a binding already made to the same numeric id, never by making one. */
    private boolean holdsBoundLogin(User user, LoginHolders holders) {
        if (!listed(logins, user.githubLogin())) {
            return false;
        }
        return holders.boundHolder(normalized(user.githubLogin())).filter(user.githubId()::equals).isPresent();
    }

    private static boolean listed(Set<String> names, String candidate) {
        return candidate != null && names.contains(normalized(candidate));
    }

    private static String normalized(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static long githubId(String id) {
        try {
            long parsed = Long.parseLong(id);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalStateException(
                "ADMIN_GITHUB_IDS must list GitHub's numeric user ids, comma-separated, not " + id);
    }

    private static Set<String> lowerCased(Optional<String> commaSeparated) {
        return commaSeparated.map(value -> Arrays.stream(value.split(","))
                        .map(ConfiguredAdmins::normalized)
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}

package dev.latchkey.membership;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which GitHub organizations and teams may sign in ({@code GITHUB_ALLOWED_ORGS}, {@code GITHUB_ALLOWED_TEAMS}), which
 * teams make admins ({@code GITHUB_ADMIN_TEAMS}) or are required by routes, and the scopes asked for because of them.
 */
@ApplicationScoped
public class MembershipSettings {

    static final String READ_ORG = "read:org";
    private static final long MAX_CHECK_MINUTES = 7 * 24 * 60;
    private static final long MAX_STALE_HOURS = 30 * 24;
    /** GitHub failing is retried sooner than a routine check, but not on every request. */
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_ORGS")
    Optional<String> organizations;

    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_TEAMS")
    Optional<String> teams;

    @Inject
    @ConfigProperty(name = "GITHUB_ADMIN_TEAMS")
    Optional<String> adminTeams;

    @Inject
    @ConfigProperty(name = "MEMBERSHIP_CHECK_MINUTES", defaultValue = "60")
    long checkMinutes;

    @Inject
    @ConfigProperty(name = "MEMBERSHIP_MAX_STALE_HOURS", defaultValue = "24")
    long maxStaleHours;

    @Inject
    RequiredTeams requiredTeams;

    private AllowList allowList;
    /** The configured list with the teams routes require, made again when JAX-RS has found more of them. */
    private volatile AllowList withRequiredTeams;

    @PostConstruct
    void read() {
        allowList = AllowList.parse(organizations, teams, adminTeams);
        if (checkMinutes < 0 || checkMinutes > MAX_CHECK_MINUTES) {
            throw new IllegalStateException("MEMBERSHIP_CHECK_MINUTES must be between 0 and " + MAX_CHECK_MINUTES);
        }
        if (maxStaleHours < 0 || maxStaleHours > MAX_STALE_HOURS) {
            throw new IllegalStateException("MEMBERSHIP_MAX_STALE_HOURS must be between 0 and " + MAX_STALE_HOURS);
        }
    }

    /** Created at start-up, so a malformed entry stops the deployment instead of letting everyone in. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    AllowList allowList() {
        List<AllowList.TeamEntry> required = requiredTeams.teams();
        if (required.isEmpty()) {
            return allowList;
        }
        AllowList current = withRequiredTeams;
        if (current == null || !current.requiredTeams().equals(required)) {
            current = allowList.requiring(required);
            withRequiredTeams = current;
        }
        return current;
    }

    /** How long a check's result stands before the next is due ({@code MEMBERSHIP_CHECK_MINUTES}). */
    Duration checkInterval() {
        return Duration.ofMinutes(checkMinutes);
    }

    /** How soon a check GitHub did not answer is tried again. */
    Duration retryInterval() {
        Duration interval = checkInterval();
        return interval.compareTo(MAX_RETRY) < 0 ? interval : MAX_RETRY;
    }

    /** Whether membership unconfirmed since {@code since} is too old to go on ({@code MEMBERSHIP_MAX_STALE_HOURS}). */
    boolean stale(Instant since, Instant now) {
        return since.plus(Duration.ofHours(maxStaleHours)).isBefore(now);
    }

    /** The allowed organizations and teams by name ({@code acme}, {@code acme/core}), for the sign-in pages. */
    public List<String> allowedNames() {
        return Stream.concat(allowList.organizations().stream(), allowList.teams().stream().map(Object::toString))
                .toList();
    }

    /**
     * The configured scopes, plus {@code read:org} when memberships are checked (an allow-list, admin teams or teams
     * routes require): private memberships, and teams at all, are invisible without it.
     */
    public String scopesToAsk(String configured) {
        return withReadOrg(configured, allowList().checked());
    }

    static String withReadOrg(String configured, boolean gated) {
        boolean asked = Arrays.stream(configured.split("[ ,]+")).anyMatch(READ_ORG::equals);
        return !gated || asked ? configured : (configured.isBlank() ? READ_ORG : configured + " " + READ_ORG);
    }
}

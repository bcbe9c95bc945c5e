package dev.latchkey.membership;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which GitHub organizations and teams may sign in ({@code GITHUB_ALLOWED_ORGS}, {@code GITHUB_ALLOWED_TEAMS}), and
 * the scopes the web flow asks for because of them.
 */
@ApplicationScoped
public class MembershipSettings {

    static final String READ_ORG = "read:org";

    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_ORGS")
    Optional<String> organizations;

    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_TEAMS")
    Optional<String> teams;

    private AllowList allowList;

    @PostConstruct
    void read() {
        allowList = AllowList.parse(organizations, teams);
    }

    /** Created at start-up, so a malformed entry stops the deployment instead of letting everyone in. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    AllowList allowList() {
        return allowList;
    }

    /** The allowed organizations and teams by name ({@code acme}, {@code acme/core}), for the sign-in pages. */
    public List<String> allowedNames() {
        return Stream.concat(allowList.organizations().stream(), allowList.teams().stream().map(Object::toString))
                .toList();
    }

    /** The configured scopes, plus {@code read:org} when an allow-list is set (private memberships need it). */
    public String scopesToAsk(String configured) {
        return withReadOrg(configured, allowList.active());
    }

    static String withReadOrg(String configured, boolean gated) {
        boolean asked = Arrays.stream(configured.split("[ ,]+")).anyMatch(READ_ORG::equals);
        return !gated || asked ? configured : (configured.isBlank() ? READ_ORG : configured + " " + READ_ORG);
    }
}

package dev.latchkey.user;

import dev.latchkey.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether people may register with an email and password ({@code REGISTRATION=open|closed}; closed by default while
 * an organization or team allow-list decides who gets in).
 */
@ApplicationScoped
public class RegistrationSetting {

    static final String CLOSED = "Registration is closed";

    @Inject
    @ConfigProperty(name = "REGISTRATION")
    Optional<String> configured;

    // Read here rather than from the membership feature, which depends on this package.
    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_ORGS")
    Optional<String> allowedOrganizations;

    @Inject
    @ConfigProperty(name = "GITHUB_ALLOWED_TEAMS")
    Optional<String> allowedTeams;

    private boolean open;

    @PostConstruct
    void init() {
        open = open(configured, gated());
    }

    static boolean open(Optional<String> configured, boolean gated) {
        return parse(configured.orElse(gated ? "closed" : "open"));
    }

    private boolean gated() {
        return allowedOrganizations.filter(value -> !value.isBlank()).isPresent()
                || allowedTeams.filter(value -> !value.isBlank()).isPresent();
    }

    /** Created at start-up, so a misspelt value stops the deployment rather than leaving registration open. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    public boolean open() {
        return open;
    }

    /** Refuses a registration, before anything is read or hashed, while registration is closed. */
    public void requireOpen() {
        if (!open) {
            throw new ApiException(403, CLOSED);
        }
    }

    static boolean parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new IllegalStateException("REGISTRATION must be open or closed, not " + value);
        };
    }
}

package dev.latchkey.auth.pat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether personal-access-token sign-in is offered ({@code PAT_SIGNIN=enabled|disabled}).
 */
@ApplicationScoped
public class PatSignInSetting {

    @Inject
    @ConfigProperty(name = "PAT_SIGNIN", defaultValue = "enabled")
    String configured;

    private boolean enabled;

    @PostConstruct
    void read() {
        enabled = parse(configured);
    }

    /** Created at start-up, so a misspelt value stops the deployment rather than quietly picking a side. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    public boolean enabled() {
        return enabled;
    }

    static boolean parse(String value) {
        return switch (value) {
            case "enabled" -> true;
            case "disabled" -> false;
            default -> throw new IllegalStateException("PAT_SIGNIN must be enabled or disabled, not " + value);
        };
    }
}

package dev.latchkey.user;

import dev.latchkey.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether people may register with an email and password ({@code REGISTRATION=open|closed}).
 */
@ApplicationScoped
public class RegistrationSetting {

    static final String CLOSED = "Registration is closed";

    @Inject
    @ConfigProperty(name = "REGISTRATION", defaultValue = "open")
    String configured;

    private boolean open;

    @PostConstruct
    void init() {
        open = parse(configured);
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

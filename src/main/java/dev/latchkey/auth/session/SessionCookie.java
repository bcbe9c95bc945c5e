package dev.latchkey.auth.session;

import dev.latchkey.web.Cookies;
import dev.latchkey.web.Sites;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HttpOnly cookie that carries a session JWT to browsers.
 */
@ApplicationScoped
public class SessionCookie {

    /**
     * While an admin impersonates someone, their own session JWT waits in this cookie, scoped to {@code /auth} so
     * only {@code POST /auth/stop-impersonating} (and logout) receive it.
     */
    public static final String ADMIN_SESSION_NAME = "latchkey_admin_session";

    @Inject
    @ConfigProperty(name = "COOKIE_NAME")
    Optional<String> configuredName;

    @Inject
    @ConfigProperty(name = "APP_ENV", defaultValue = "development")
    String appEnv;

    @Inject
    @ConfigProperty(name = "BACKEND_URL")
    String backendUrl;

    @Inject
    @ConfigProperty(name = "FRONTEND_URL")
    String frontendUrl;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "1440")
    long lifetimeMinutes;

    private String name;
    private Cookies.Attributes attributes;
    private Cookies.Attributes adminAttributes;

    @PostConstruct
    void init() {
        boolean production = "production".equals(appEnv);
        name = configuredName.orElse(production ? "__Host-access_token" : "access_token");
        attributes = attributes(production, Sites.sameSite(backendUrl, frontendUrl));
        adminAttributes = new Cookies.Attributes("/auth", attributes.secure(), attributes.sameSite());
    }

    static Cookies.Attributes attributes(boolean production, boolean frontendOnSameSite) {
        if (!production) {
            return new Cookies.Attributes("/", false, "Lax");
        }
        return new Cookies.Attributes("/", true, frontendOnSameSite ? "Lax" : "None");
    }

    public String name() {
        return name;
    }

    public String set(String token) {
        return set(token, lifetimeMinutes * 60);
    }

    public String set(String token, long maxAgeSeconds) {
        return Cookies.set(name, token, maxAgeSeconds, attributes);
    }

    public String expire() {
        return Cookies.expire(name, attributes);
    }

    /** Keeps an impersonating admin's own session token for when they stop. */
    public String setAdminSession(String token, long maxAgeSeconds) {
        return Cookies.set(ADMIN_SESSION_NAME, token, maxAgeSeconds, adminAttributes);
    }

    public String expireAdminSession() {
        return Cookies.expire(ADMIN_SESSION_NAME, adminAttributes);
    }

    public boolean secure() {
        return attributes.secure();
    }
}

package dev.latchkey.auth.session;

import dev.latchkey.web.Cookies;
import dev.latchkey.web.Sites;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HttpOnly cookie that carries a session JWT to browsers.
 */
@ApplicationScoped
public class SessionCookie {

    /**
     * While an admin impersonates someone, their own session JWT waits in this cookie; in development it is scoped to
     * {@code /auth} so only {@code POST /auth/stop-impersonating} (and logout) receive it.
     */
    public static final String ADMIN_SESSION_NAME = "latchkey_admin_session";

    /**
     * Browsers accept a cookie with this prefix only with {@code Secure}, {@code Path=/} and no {@code Domain}, so a
     * sibling domain cannot plant or shadow it.
     */
    public static final String HOST_PREFIX = "__Host-";

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

    private boolean production;
    private String name;
    private Cookies.Attributes attributes;
    private String adminName;
    private Cookies.Attributes adminAttributes;

    @PostConstruct
    void init() {
        production = "production".equals(appEnv);
        name = configuredName.orElse(production ? HOST_PREFIX + "access_token" : "access_token");
        attributes = attributes(production, Sites.sameSite(backendUrl, frontendUrl));
        adminName = adminName(production);
        adminAttributes = adminAttributes(production, attributes);
    }

    static Cookies.Attributes attributes(boolean production, boolean frontendOnSameSite) {
        if (!production) {
            return new Cookies.Attributes("/", false, "Lax");
        }
        return new Cookies.Attributes("/", true, frontendOnSameSite ? "Lax" : "None");
    }

    static String adminName(boolean production) {
        return production ? HOST_PREFIX + ADMIN_SESSION_NAME : ADMIN_SESSION_NAME;
    }

    /** Production: as the session cookie ({@code __Host-} needs Path=/); development: only {@code /auth} sees it. */
    static Cookies.Attributes adminAttributes(boolean production, Cookies.Attributes session) {
        return production ? session : new Cookies.Attributes("/auth", session.secure(), session.sameSite());
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
        return Cookies.set(adminName, token, maxAgeSeconds, adminAttributes);
    }

    public String expireAdminSession() {
        return Cookies.expire(adminName, adminAttributes);
    }

    /** The impersonating admin's own session token this request carries back, if any. Never log it. */
    public Optional<String> presentedAdminSession(HttpHeaders headers) {
        return Optional.ofNullable(headers.getCookies().get(adminName)).map(Cookie::getValue)
                .filter(value -> !value.isEmpty());
    }

    public boolean secure() {
        return attributes.secure();
    }

    public boolean production() {
        return production;
    }
}

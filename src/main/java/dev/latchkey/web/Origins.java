package dev.latchkey.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browser origins Latchkey trusts: its own ({@code BACKEND_URL}) and those in {@code CORS_ORIGINS}, compared exactly.
 */
@ApplicationScoped
public class Origins {

    @Inject
    @ConfigProperty(name = "BACKEND_URL")
    String backendUrl;

    @Inject
    @ConfigProperty(name = "FRONTEND_URL")
    String frontendUrl;

    @Inject
    @ConfigProperty(name = "CORS_ORIGINS")
    Optional<String> corsOrigins;

    private Set<String> cors;
    private Set<String> trusted;
    private Set<String> navigatingFrom;

    @PostConstruct
    void init() {
        cors = Arrays.stream(corsOrigins.orElse(frontendUrl).split(","))
                .map(String::trim).filter(origin -> !origin.isEmpty())
                .map(origin -> of(origin).orElseThrow(() ->
                        new IllegalStateException("CORS_ORIGINS holds something that is not an http(s) origin")))
                .collect(Collectors.toUnmodifiableSet());
        trusted = new java.util.HashSet<>(cors);
        of(backendUrl).ifPresent(trusted::add);
        trusted = Set.copyOf(trusted);
        Set<String> navigating = new java.util.HashSet<>(trusted);
        of(frontendUrl).ifPresent(navigating::add);
        navigatingFrom = Set.copyOf(navigating);
    }

    /** Whether this exact {@code Origin} header may read Latchkey's answers with credentials. */
    public boolean allowedForCors(String originHeader) {
        return originHeader != null && cors.contains(originHeader);
    }

    /** Whether a state-changing request from this origin ({@code Origin}, or a {@code Referer} URL) may proceed. */
    public boolean trusted(String originOrUrl) {
        return of(originOrUrl).filter(trusted::contains).isPresent();
    }

    /**
     * Whether a request another site started ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) fails to name
     * a trusted origin ({@code BACKEND_URL}, {@code FRONTEND_URL}, {@code CORS_ORIGINS}) in {@code Origin} or, lacking
     * it, {@code Referer}: an {@code <img>} or a link on a foreign page.
     * Requests without the header (an address typed by hand, scripts, older browsers) and same-origin ones are not.
     */
    public boolean foreignNavigation(String fetchSite, String origin, String referer) {
        if (!"cross-site".equalsIgnoreCase(fetchSite) && !"same-site".equalsIgnoreCase(fetchSite)) {
            return false;
        }
        String claimed = origin != null ? origin : referer;
        return claimed == null || of(claimed).filter(navigatingFrom::contains).isEmpty();
    }

    /** {@code scheme://host[:port]} of an http(s) URL, lower-cased and without its default port; empty otherwise. */
    static Optional<String> of(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException | RuntimeException malformed) {
            return Optional.empty();
        }
    }
}

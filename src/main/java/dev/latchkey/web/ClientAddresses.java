package dev.latchkey.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address: the socket's, unless it is a trusted proxy ({@code TRUSTED_PROXIES}), whose
 * {@code X-Forwarded-For} (every line of it, in order) is then followed back to the first address it does not trust.
 */
@ApplicationScoped
public class ClientAddresses {

    public static final String ATTRIBUTE = ClientAddresses.class.getName();

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private List<IpRange> proxies;

    @PostConstruct
    void init() {
        proxies = Arrays.stream(trustedProxies.orElse("").split(","))
                .map(String::trim).filter(range -> !range.isEmpty()).map(IpRange::parse).toList();
    }

    /** The address resolved for this request (see {@link ClientAddressFilter}). */
    public String of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved.toString() : resolve(request);
    }

    String resolve(HttpServletRequest request) {
        if (proxies.isEmpty()) {
            // No proxy is trusted: X-Forwarded-For is never followed, so it is not even read.
            return request.getRemoteAddr();
        }
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        return resolve(request.getRemoteAddr(), lines == null ? List.of() : Collections.list(lines));
    }

    /**
     * {@code forwardedFor} holds the header's lines as received: HTTP makes several lines of one header mean their
     * comma-joined list, and each proxy appends, so a client's forged first line is the leftmost entry, never the
     * rightmost a trusted proxy wrote.
     */
    String resolve(String socketAddress, List<String> forwardedFor) {
        List<String> hops = forwardedFor.stream()
                .flatMap(line -> Arrays.stream(line.split(",", -1)))
                .map(String::trim)
                .toList();
        if (!trusted(socketAddress) || hops.isEmpty()) {
            return socketAddress;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (IpRange.literal(hop).isEmpty()) {
                // A forged or garbled entry: stop at the last address a trusted proxy vouched for.
                return i == hops.size() - 1 ? socketAddress : hops.get(i + 1);
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops.get(0);
    }

    private boolean trusted(String address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }
}

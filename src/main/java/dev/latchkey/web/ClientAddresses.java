package dev.latchkey.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address: the socket's, unless it is a trusted proxy ({@code TRUSTED_PROXIES}), whose
 * {@code X-Forwarded-For} is then followed back to the first address it does not trust.
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
        return resolved != null ? resolved.toString() : resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String resolve(String socketAddress, String forwardedFor) {
        if (!trusted(socketAddress) || forwardedFor == null) {
            return socketAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (IpRange.literal(hop).isEmpty()) {
                // A forged or garbled entry: stop at the last address a trusted proxy vouched for.
                return i == hops.length - 1 ? socketAddress : hops[i + 1].trim();
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean trusted(String address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }
}

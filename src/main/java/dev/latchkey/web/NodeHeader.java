package dev.latchkey.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether answers name the instance that gave them ({@code NODE_HEADER=enabled|disabled}), and by which name
 * ({@code NODE_NAME}, by default the host name).
 */
@ApplicationScoped
public class NodeHeader {

    static final String NAME = "X-Latchkey-Node";
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    @ConfigProperty(name = "NODE_HEADER", defaultValue = "disabled")
    String configured;

    @Inject
    @ConfigProperty(name = "NODE_NAME")
    Optional<String> configuredName;

    private Optional<String> value;

    @PostConstruct
    void read() {
        value = parse(configured) ? Optional.of(nodeName(configuredName.orElseGet(NodeHeader::hostName)))
                : Optional.empty();
    }

    /** Created at start-up, so a misspelt value stops the deployment rather than quietly picking a side. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    /** The header's value, when it is enabled. */
    Optional<String> value() {
        return value;
    }

    static boolean parse(String value) {
        return switch (value) {
            case "enabled" -> true;
            case "disabled" -> false;
            default -> throw new IllegalStateException("NODE_HEADER must be enabled or disabled, not " + value);
        };
    }

    static String nodeName(String name) {
        if (!NODE_NAME.matcher(name).matches()) {
            throw new IllegalStateException("NODE_NAME must be 1 to 64 letters, digits, dots, hyphens or "
                    + "underscores, not " + name);
        }
        return name;
    }

    /** The host's short name (up to its first dot): the rest says nothing more and may not fit in 64 characters. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().split("\\.", 2)[0];
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost").split("\\.", 2)[0];
        }
    }
}

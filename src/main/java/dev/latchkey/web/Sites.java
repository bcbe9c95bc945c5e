package dev.latchkey.web;

import java.net.URI;

/**
 * Tells whether two origins are the same site, as browsers decide which cookies to send.
 */
public final class Sites {

    private Sites() {
    }

    /**
     * Same scheme and the same last two host labels ({@code app.example.com} and {@code api.example.com}); a
     * multi-label public suffix such as {@code co.uk} is not recognised, which is documented for operators.
     */
    public static boolean sameSite(String first, String second) {
        URI a = URI.create(first);
        URI b = URI.create(second);
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && b.getHost() != null
                && registrable(a.getHost()).equalsIgnoreCase(registrable(b.getHost()));
    }

    private static String registrable(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host;
        }
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}

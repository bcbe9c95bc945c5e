package dev.latchkey.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The bucket a client address is counted in: an IPv4 address alone, an IPv6 address by its /64 network.
 *
 * <p>An IPv6 client is usually given a whole /64 and can pick a fresh address in it for every request, so counting
 * single IPv6 addresses would give it 2^64 separate limits.
 */
final class AddressBuckets {

    static final int IPV6_PREFIX_BYTES = 8;

    private AddressBuckets() {
    }

    static String of(String clientAddress) {
        String candidate = clientAddress == null ? "" : clientAddress.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        int zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        // Only an IPv6 literal (hex digits and colons, maybe a dotted tail) is parsed, so no name is ever resolved.
        if (!candidate.contains(":") || !candidate.matches("[0-9a-fA-F:.]+")) {
            return clientAddress;
        }
        try {
            byte[] address = InetAddress.getByName(candidate).getAddress();
            if (address.length != 16) {
                // An IPv4-mapped address (::ffff:192.0.2.1) is the IPv4 client it maps.
                return InetAddress.getByAddress(address).getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(address, IPV6_PREFIX_BYTES), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }
}

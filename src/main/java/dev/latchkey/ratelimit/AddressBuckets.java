package dev.latchkey.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bucket a client address is counted in: an IPv4 address alone, an IPv6 address by its /64 network (or the
 * IPv4 client it carries).
 *
 * <p>An IPv6 client is usually given a whole /64 and can pick a fresh address in it for every request, so counting
 * single IPv6 addresses would give it 2^64 separate limits.
 */
final class AddressBuckets {

    static final int IPV6_PREFIX_BYTES = 8;

    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] SIIT = {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
    private static final byte[] COMPATIBLE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};

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
            Optional<byte[]> ipv4 = embeddedIpv4(address);
            if (ipv4.isPresent()) {
                return InetAddress.getByAddress(ipv4.get()).getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(address, IPV6_PREFIX_BYTES), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }

    /**
     * The IPv4 client behind an IPv6 address that only carries one: behind a NAT64 ({@code 64:ff9b::/96}) or SIIT
     * ({@code ::ffff:0:0/96}) front end, or IPv4-compatible ({@code ::/96}), all IPv4 clients share one /64, so one
     * of them would use up everybody's limit; a 6to4 address ({@code 2002::/16}) gives one IPv4 host 2^16 /64s.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] address) {
        // ::/96 also holds :: and the loopback ::1, which carry no IPv4 client (0.0.0.0/8).
        boolean compatible = startsWith(address, COMPATIBLE) && address[12] != 0;
        if (startsWith(address, NAT64) || startsWith(address, SIIT) || compatible) {
            return Optional.of(Arrays.copyOfRange(address, 12, 16));
        }
        if (startsWith(address, SIX_TO_FOUR)) {
            return Optional.of(Arrays.copyOfRange(address, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
    }
}

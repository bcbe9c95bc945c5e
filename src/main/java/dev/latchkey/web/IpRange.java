package dev.latchkey.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One address or CIDR block ({@code 10.0.0.0/8}, {@code ::1}), written only as literals so nothing is ever resolved.
 */
record IpRange(byte[] network, int prefixLength) {

    static IpRange parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] address = literal(parts[0]).orElseThrow(() ->
                new IllegalStateException("TRUSTED_PROXIES holds something that is not an IP address or CIDR block"));
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalStateException("TRUSTED_PROXIES holds a CIDR block with an impossible prefix length");
        }
        return new IpRange(address, prefix);
    }

    boolean contains(String addressText) {
        return literal(addressText).filter(address -> address.length == network.length)
                .map(address -> prefix(address).equals(prefix(network))).orElse(false);
    }

    private BigInteger prefix(byte[] address) {
        return new BigInteger(1, address).shiftRight(address.length * 8 - prefixLength);
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else, host names included. */
    static Optional<byte[]> literal(String text) {
        String candidate = text == null ? "" : text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!candidate.matches("[0-9.]+") && !(candidate.contains(":") && candidate.matches("[0-9a-fA-F:.]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

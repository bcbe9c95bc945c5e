package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static ClientAddresses trusting(String proxies) {
        ClientAddresses addresses = new ClientAddresses();
        addresses.trustedProxies = Optional.ofNullable(proxies);
        addresses.init();
        return addresses;
    }

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertEquals("203.0.113.9", trusting(null).resolve("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void aTrustedProxysHeaderIsFollowedToTheFirstUntrustedAddress() {
        ClientAddresses addresses = trusting("10.0.0.0/8, 127.0.0.1");
        assertEquals("198.51.100.7", addresses.resolve("127.0.0.1", "198.51.100.7"));
        assertEquals("198.51.100.7", addresses.resolve("10.1.2.3", "1.2.3.4, 198.51.100.7, 10.9.9.9"),
                "a client-written left part cannot choose the address");
        assertEquals("10.1.2.3", addresses.resolve("10.1.2.3", null));
    }

    @Test
    void aGarbledEntryStopsTheWalk() {
        assertEquals("198.51.100.7", trusting("10.0.0.0/8").resolve("10.1.1.1", "evil, 198.51.100.7"));
        assertEquals("10.1.1.1", trusting("10.0.0.0/8").resolve("10.1.1.1", "not-an-ip"));
    }

    @Test
    void ipv6RangesWorkAndNamesAreRefused() {
        assertEquals("2001:db8::1", trusting("::1, fd00::/8").resolve("0:0:0:0:0:0:0:1", "2001:db8::1"));
        assertThrows(IllegalStateException.class, () -> trusting("proxy.internal"));
        assertThrows(IllegalStateException.class, () -> trusting("10.0.0.0/33"));
    }
}

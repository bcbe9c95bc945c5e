package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
        assertEquals("203.0.113.9", trusting(null).resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxysHeaderIsFollowedToTheFirstUntrustedAddress() {
        ClientAddresses addresses = trusting("10.0.0.0/8, 127.0.0.1");
        assertEquals("198.51.100.7", addresses.resolve("127.0.0.1", List.of("198.51.100.7")));
        assertEquals("198.51.100.7", addresses.resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.7, 10.9.9.9")),
                "a client-written left part cannot choose the address");
        assertEquals("10.1.2.3", addresses.resolve("10.1.2.3", List.of()));
    }

    @Test
    void everyLineIsReadInOrderSoAForgedFirstLineCannotChooseTheAddress() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("198.51.100.7", addresses.resolve("10.1.2.3", List.of("6.6.6.6", "198.51.100.7")));
        assertEquals("198.51.100.7", addresses.resolve("10.1.2.3",
                List.of("6.6.6.6, 5.5.5.5", "198.51.100.7, 10.0.0.9", "10.0.0.8")), "comma lists inside lines too");
        assertEquals("10.1.2.3", addresses.resolve("10.1.2.3", List.of("198.51.100.7", "forged")),
                "a garbled last line stops at the socket");
        assertEquals("6.6.6.6", addresses.resolve("10.1.2.3", List.of("6.6.6.6", "10.0.0.9")),
                "the leftmost address counts only when every proxy after it is trusted");
    }

    @Test
    void aGarbledEntryStopsTheWalk() {
        assertEquals("198.51.100.7", trusting("10.0.0.0/8").resolve("10.1.1.1", List.of("evil, 198.51.100.7")));
        assertEquals("10.1.1.1", trusting("10.0.0.0/8").resolve("10.1.1.1", List.of("not-an-ip")));
        assertEquals("10.1.1.1", trusting("10.0.0.0/8").resolve("10.1.1.1", List.of("198.51.100.7,")),
                "an empty entry is garbled too");
    }

    @Test
    void ipv6RangesWorkAndNamesAreRefused() {
        assertEquals("2001:db8::1", trusting("::1, fd00::/8").resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::1")));
        assertThrows(IllegalStateException.class, () -> trusting("proxy.internal"));
        assertThrows(IllegalStateException.class, () -> trusting("10.0.0.0/33"));
    }
}

package dev.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressBucketsTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
        "2001:db8:1:2::, 2001:db8:1:2:0:0:0:0/64",
        "[2001:db8:1:2::9], 2001:db8:1:2:0:0:0:0/64",
        "fe80::1%eth0, fe80:0:0:0:0:0:0:0/64",
        "0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:0/64",
        "64:ff9b::198.51.100.7, 198.51.100.7",
        "64:ff9b::c633:6408, 198.51.100.8",
        "::ffff:0:198.51.100.9, 198.51.100.9",
        "::198.51.100.10, 198.51.100.10",
        "2002:c633:640b::1, 198.51.100.11",
        "2002:c633:640b:ffff::1, 198.51.100.11",
        "64:ff9b:1::198.51.100.7, 64:ff9b:1:0:0:0:0:0/64",
        "::ffff:192.0.2.1, 192.0.2.1",
        "192.0.2.1, 192.0.2.1",
        "not-an-address, not-an-address",
        "abc:xyz, abc:xyz",
        "1:2:3, 1:2:3"})
    void ipv6AddressesAreCountedByTheirSlash64AndEverythingElseAsItIs(String address, String bucket) {
        assertEquals(bucket, AddressBuckets.of(address));
    }
}

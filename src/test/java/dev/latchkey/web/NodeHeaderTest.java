package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeHeaderTest {

    @Test
    void enabledAndDisabledAreTheOnlyValues() {
        assertTrue(NodeHeader.parse("enabled"));
        assertFalse(NodeHeader.parse("disabled"));
        for (String value : new String[] {"", "true", "on", "Enabled", " enabled"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> NodeHeader.parse(value));
            assertEquals("NODE_HEADER must be enabled or disabled, not " + value, refused.getMessage());
        }
    }

    @Test
    void aNodeNameIsOneHeaderTokenOfAtMost64Characters() {
        assertEquals("node-a", NodeHeader.nodeName("node-a"));
        assertEquals("web_01.eu", NodeHeader.nodeName("web_01.eu"));
        String longest = "n".repeat(64);
        assertEquals(longest, NodeHeader.nodeName(longest));
        for (String name : new String[] {"", "n".repeat(65), "node a", "node\r\nSet-Cookie: x=1", "nœud", "a,b"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> NodeHeader.nodeName(name));
            assertEquals("NODE_NAME must be 1 to 64 letters, digits, dots, hyphens or underscores, not " + name,
                    refused.getMessage());
        }
    }

    @Test
    void disabledByDefaultItNamesNothingWhateverTheName() {
        NodeHeader header = new NodeHeader();
        header.configured = "disabled";
        header.configuredName = Optional.of("node-a");
        header.read();
        assertEquals(Optional.empty(), header.value());
    }

    @Test
    void enabledItNamesTheConfiguredNodeOrElseTheHostsShortName() {
        NodeHeader header = new NodeHeader();
        header.configured = "enabled";
        header.configuredName = Optional.of("node-a");
        header.read();
        assertEquals(Optional.of("node-a"), header.value());

        header.configuredName = Optional.empty();
        header.read();
        String host = header.value().orElseThrow();
        assertFalse(host.isEmpty() || host.contains("."), host);
    }
}

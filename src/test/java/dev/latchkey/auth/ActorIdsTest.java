package dev.latchkey.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActorIdsTest {

    @Test
    void theHeaderComesBeforeTheQueryParameterAndGarbageIsSkipped() {
        assertEquals(42, ActorIds.of(Optional.empty(), "42", "7"));
        assertEquals(7, ActorIds.of(Optional.empty(), "forty-two", "7"));
        assertEquals(7, ActorIds.of(Optional.empty(), null, " 7 "));
        assertEquals(0, ActorIds.of(Optional.empty(), "-1", "99999999999999999999"));
        assertEquals(0, ActorIds.of(Optional.empty(), null, null));
    }
}

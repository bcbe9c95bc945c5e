package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfFifty() {
        assertEquals(new PageRequest(1, 50), PageRequest.of(null, " "));
        assertEquals(100, PageRequest.of("3", "50").offset());
    }

    @Test
    void refusesWhatIsNotAWholeNumberInRange() {
        for (String page : new String[] {"0", "-1", "x", "1.5", "99999999999"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> PageRequest.of(page, null)).status(), page);
        }
        for (String size : new String[] {"0", "201", "abc"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> PageRequest.of(null, size)).status(), size);
        }
    }
}

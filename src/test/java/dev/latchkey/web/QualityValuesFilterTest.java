package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QualityValuesFilterTest {

    @Test
    void qualityValuesFromZeroToOneWithAtMostThreeDecimalsPass() {
        for (String value : new String[] {"application/json", "*/*", "text/html, application/json;q=0.9",
                "application/json;q=1", "application/json;q=1.000", "application/json;q=0", "application/json; q=0.125",
                "application/json;charset=UTF-8", "application/json;Q=0.5;level=1", "text/plain;quality=x"}) {
            assertTrue(QualityValuesFilter.wellFormed(value), value);
        }
    }

    @Test
    void anythingElseInAQParameterIsRefused() {
        for (String value : new String[] {"application/json;q=abc", "application/json;q=", "application/json;q",
                "application/json;level=x;q=0.5x", "application/*;q=NaN", "application/json;q=1e400",
                "application/json;q=2", "application/json;q=-1", "application/json;q=0.1234", "*/*;q=1.5",
                "text/html, application/json;q=.5"}) {
            assertFalse(QualityValuesFilter.wellFormed(value), value);
        }
    }
}

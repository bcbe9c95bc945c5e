package dev.latchkey.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * REGISTRATION is open or closed, and nothing else starts.
 */
class RegistrationSettingTest {

    @Test
    void registrationIsOpenOrClosed() {
        assertTrue(RegistrationSetting.parse("open"));
        assertFalse(RegistrationSetting.parse(" Closed "));
    }

    @Test
    void anyOtherValueStopsTheDeploymentRatherThanLeavingRegistrationOpen() {
        for (String value : new String[] {"", "close", "no", "false", null}) {
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> RegistrationSetting.parse(value));
            assertEquals("REGISTRATION must be open or closed, not " + value, refused.getMessage());
        }
    }

    @Test
    void registrationIsClosedByDefaultOnlyWhileAnAllowListDecidesWhoGetsIn() {
        assertTrue(RegistrationSetting.open(Optional.empty(), false));
        assertFalse(RegistrationSetting.open(Optional.empty(), true));
        assertTrue(RegistrationSetting.open(Optional.of("open"), true), "an operator may open it again");
        assertFalse(RegistrationSetting.open(Optional.of("closed"), false));
    }
}

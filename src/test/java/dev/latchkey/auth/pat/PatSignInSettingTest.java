package dev.latchkey.auth.pat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatSignInSettingTest {

    @Test
    void enabledAndDisabledAreTheOnlyValues() {
        assertTrue(PatSignInSetting.parse("enabled"));
        assertFalse(PatSignInSetting.parse("disabled"));
    }

    @Test
    void anyOtherValueStopsTheDeploymentNamingTheKey() {
        for (String value : new String[] {"", "true", "false", "off", "Disabled", " enabled", "enable"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PatSignInSetting.parse(value), value);
            assertEquals("PAT_SIGNIN must be enabled or disabled, not " + value, refused.getMessage());
        }
    }
}

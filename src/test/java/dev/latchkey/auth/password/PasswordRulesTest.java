package dev.latchkey.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.web.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Registration input: valid emails and their lookup form, and passwords between 8 characters and 72 bytes.
 */
class PasswordRulesTest {

    @Test
    void emailsAreTrimmedForDisplayAndLowerCasedForLookup() {
        assertEquals("Ada.Lovelace+x@Example.COM", PasswordRules.validEmail("  Ada.Lovelace+x@Example.COM "));
        assertEquals("ada.lovelace+x@example.com", PasswordRules.normalizedEmail(" Ada.Lovelace+x@Example.COM "));
    }

    @Test
    void malformedEmailsAreRefusedWithOneMessage() {
        for (String email : new String[] {null, "", "   ", "ada", "ada@", "@example.com", "ada@example",
                "ada@@example.com", "ada lovelace@example.com", "ada@example..com", "ada@.example.com",
                "ada@example.com.", "ada\n@example.com", "a".repeat(250) + "@example.com"}) {
            ApiException refused = assertThrows(ApiException.class, () -> PasswordRules.validEmail(email), email);
            assertEquals(400, refused.status());
            assertEquals("Enter a valid email address", refused.detail());
        }
    }

    @Test
    void passwordsNeedEightCharactersAndAtMost72Bytes() {
        PasswordRules.requireValidPassword("12345678");
        PasswordRules.requireValidPassword("a".repeat(72));
        PasswordRules.requireValidPassword("😀😀😀😀😀😀😀😀");
        assertRefused(null, "Password must be at least 8 characters");
        assertRefused("1234567", "Password must be at least 8 characters");
        assertRefused("😀😀😀😀😀😀😀", "Password must be at least 8 characters");
        assertRefused("a".repeat(73), "Password must be at most 72 bytes");
        assertRefused("é".repeat(37), "Password must be at most 72 bytes");
    }

    @Test
    void aBlankNameIsNoNameAndALongOneIsRefused() {
        assertNull(PasswordRules.validName("  "));
        assertEquals("Ada", PasswordRules.validName(" Ada "));
        assertThrows(ApiException.class, () -> PasswordRules.validName("x".repeat(256)));
    }

    private static void assertRefused(String password, String detail) {
        ApiException refused = assertThrows(ApiException.class, () -> PasswordRules.requireValidPassword(password));
        assertEquals(400, refused.status());
        assertEquals(detail, refused.detail());
    }
}

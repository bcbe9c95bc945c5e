package dev.latchkey.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An unknown email goes through the same bcrypt verification as a wrong password, so both take as long.
 *
 * <p>Timings themselves are not asserted (too noisy on shared machines): the test counts verifications instead.
 */
class PasswordCheckTest {

    private final CountingHasher hasher = new CountingHasher();
    private final PasswordCheck check = new PasswordCheck(hasher);
    private final String storedHash = hasher.hash("correct horse battery");
    private final PasswordCredential credential =
            new PasswordCredential(7L, "someone@example.com", storedHash, Instant.now());

    @Test
    void anUnknownEmailStillCostsOneVerificationAgainstTheDummyHashOfTheConfiguredCost() {
        Optional<PasswordCredential> result = check.matching(Optional.empty(), "correct horse battery");

        assertTrue(result.isEmpty());
        assertEquals(List.of(hasher.dummyHash()), hasher.verified);
        assertEquals(4, PasswordHasher.costOf(hasher.dummyHash()));
    }

    @Test
    void aWrongPasswordCostsOneVerificationAgainstTheStoredHash() {
        Optional<PasswordCredential> result = check.matching(Optional.of(credential), "Correct horse battery");

        assertTrue(result.isEmpty());
        assertEquals(List.of(storedHash), hasher.verified);
    }

    @Test
    void theRightPasswordGivesTheCredential() {
        assertEquals(Optional.of(credential), check.matching(Optional.of(credential), "correct horse battery"));
        assertEquals(1, hasher.verified.size());
    }

    /** The real hasher at the lowest cost, noting every hash it verifies against. */
    private static final class CountingHasher extends PasswordHasher {

        final List<String> verified = new ArrayList<>();

        CountingHasher() {
            super(4, 1);
        }

        @Override
        boolean verify(String password, String hash) {
            verified.add(hash);
            return super.verify(password, hash);
        }
    }
}

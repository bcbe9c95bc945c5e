package dev.latchkey.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MembershipRemovalsTest {

    @Test
    void aSlugsUnderscoreMatchesOnlyAnUnderscore() throws SQLException {
        assertEquals("acme/ops!_2", MembershipRemovals.likeEscaped("acme/ops_2"));
        assertEquals(1, matches("acme acme/ops_2", "acme/ops_2"));
        assertEquals(0, matches("acme acme/ops-2", "acme/ops_2"), "an underscore is no wildcard");
        assertEquals(1, matches("acme/ops!2", "acme/ops!2"), "the escape character is matched as itself");
    }

    @Test
    void everyWildcardAndTheEscapeCharacterAreEscaped() {
        assertEquals("a!%b!_c!!d", MembershipRemovals.likeEscaped("a%b_c!d"));
    }

    /** How many rows with {@code found} the query of {@link MembershipRemovals#teamDeleted} finds for the entry. */
    private static int matches(String found, String entry) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:");
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM (VALUES (?)) t(found)"
                     + " WHERE found LIKE ? ESCAPE '!'")) {
            query.setString(1, found);
            query.setString(2, "%" + MembershipRemovals.likeEscaped(entry) + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

package dev.latchkey.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one membership check found: the verdict on signing in, the allowed or admin entries the user is an active
 * member of ({@code acme}, {@code acme/core}), the admin team that makes them an admin, if any, and when GitHub was
 * asked.
 */
record Examination(Verdict verdict, List<String> found, Optional<String> adminTeam, Instant askedAt) {

    Examination {
        found = List.copyOf(found);
    }

    boolean admitted() {
        return verdict.admitted();
    }
}

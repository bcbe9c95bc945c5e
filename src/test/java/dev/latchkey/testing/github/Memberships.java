package dev.latchkey.testing.github;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who belongs to which organization and team, in the order they joined: an organization membership is active or
 * a pending invitation, public or private (GitHub's default); a team membership is as active as the organization
 * membership it rests on.
 */
final class Memberships {

    /** A user's membership in one organization. */
    record OrgMembership(OrgRole role, boolean pending, boolean publicized) {

        String state() {
            return pending ? "pending" : "active";
        }
    }

    private final Map<Long, Map<Long, OrgMembership>> organizationsByUser = new HashMap<>();
    private final Map<Long, Map<Long, TeamRole>> teamsByUser = new HashMap<>();

    synchronized void put(long organizationId, long userId, OrgMembership membership) {
        organizationsByUser.computeIfAbsent(userId, id -> new LinkedHashMap<>()).put(organizationId, membership);
    }

    synchronized Optional<OrgMembership> of(long organizationId, long userId) {
        return Optional.ofNullable(organizationsByUser.getOrDefault(userId, Map.of()).get(organizationId));
    }

    /** Leaving an organization also ends every membership in its teams, as on GitHub. */
    synchronized void remove(long organizationId, long userId, Collection<Long> teamIdsOfOrganization) {
        organizationsByUser.getOrDefault(userId, new HashMap<>()).remove(organizationId);
        teamsByUser.getOrDefault(userId, new HashMap<>()).keySet().removeAll(teamIdsOfOrganization);
    }

    /** The organizations the user is an active member of, in the order the user joined them. */
    synchronized List<Long> activeOrganizations(long userId) {
        List<Long> ids = new ArrayList<>();
        organizationsByUser.getOrDefault(userId, Map.of())
                .forEach((organizationId, membership) -> {
                    if (!membership.pending()) {
                        ids.add(organizationId);
                    }
                });
        return ids;
    }

    /** The organizations the user shows on their public profile. */
    synchronized List<Long> publicOrganizations(long userId) {
        List<Long> ids = new ArrayList<>();
        organizationsByUser.getOrDefault(userId, Map.of())
                .forEach((organizationId, membership) -> {
                    if (membership.publicized() && !membership.pending()) {
                        ids.add(organizationId);
                    }
                });
        return ids;
    }

    synchronized void putTeam(long teamId, long userId, TeamRole role) {
        teamsByUser.computeIfAbsent(userId, id -> new LinkedHashMap<>()).put(teamId, role);
    }

    synchronized Optional<TeamRole> teamRole(long teamId, long userId) {
        return Optional.ofNullable(teamsByUser.getOrDefault(userId, Map.of()).get(teamId));
    }

    synchronized void removeTeam(long teamId, long userId) {
        teamsByUser.getOrDefault(userId, new HashMap<>()).remove(teamId);
    }

    synchronized void deleteTeam(long teamId) {
        teamsByUser.values().forEach(teams -> teams.remove(teamId));
    }

    /** The teams the user belongs to, in the order the user joined them. */
    synchronized List<Long> teams(long userId) {
        return List.copyOf(teamsByUser.getOrDefault(userId, Map.of()).keySet());
    }
}

package dev.latchkey.membership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The organizations ({@code GITHUB_ALLOWED_ORGS}) and teams ({@code GITHUB_ALLOWED_TEAMS}) whose members may sign in,
 * both empty letting every GitHub account in, the teams whose members are admins ({@code GITHUB_ADMIN_TEAMS}), and
 * the teams routes require ({@link RequiresGitHubTeam}), asked about but deciding neither sign-in nor role.
 */
record AllowList(List<String> organizations, List<TeamEntry> teams, List<TeamEntry> adminTeams,
                 List<TeamEntry> requiredTeams) {

    // GitHub's logins: letters, digits and single hyphens, at most 39 characters; slugs add underscores and dots.
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** One {@code org/team-slug} entry. */
    record TeamEntry(String organization, String slug) {

        @Override
        public String toString() {
            return organization + "/" + slug;
        }
    }

    AllowList {
        organizations = List.copyOf(organizations);
        teams = List.copyOf(teams);
        adminTeams = List.copyOf(adminTeams);
        requiredTeams = List.copyOf(requiredTeams);
    }

    AllowList(List<String> organizations, List<TeamEntry> teams, List<TeamEntry> adminTeams) {
        this(organizations, teams, adminTeams, List.of());
    }

    /** This list, also asking about the teams that routes require. */
    AllowList requiring(List<TeamEntry> required) {
        return new AllowList(organizations, teams, adminTeams, required);
    }

    static AllowList parse(Optional<String> organizations, Optional<String> teams) {
        return parse(organizations, teams, Optional.empty());
    }

    static AllowList parse(Optional<String> organizations, Optional<String> teams, Optional<String> adminTeams) {
        List<String> orgs = entries(organizations).map(entry -> {
            if (!LOGIN.matcher(entry).matches()) {
                throw new IllegalStateException("GITHUB_ALLOWED_ORGS must list organization logins, comma-separated,"
                        + " not " + entry);
            }
            return entry.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        return new AllowList(orgs, teams(teams, "GITHUB_ALLOWED_TEAMS"), teams(adminTeams, "GITHUB_ADMIN_TEAMS"));
    }

    /** Whether an allow-list is set: then only members of its organizations or teams (or admin teams) get in. */
    boolean active() {
        return !organizations.isEmpty() || !teams.isEmpty();
    }

    /** Whether GitHub is asked about memberships at all: for an allow-list, admin teams or teams routes require. */
    boolean checked() {
        return active() || !adminTeams.isEmpty() || !requiredTeams.isEmpty();
    }

    /** Every team asked about, allowed, admin or required by a route, each once. */
    List<TeamEntry> allTeams() {
        Set<TeamEntry> all = new LinkedHashSet<>(teams);
        all.addAll(adminTeams);
        all.addAll(requiredTeams);
        return new ArrayList<>(all);
    }

    /** The allowed set as audit events and logs name it, for example {@code orgs=acme teams=acme/core}. */
    String describe() {
        return "orgs=" + String.join(",", organizations)
                + " teams=" + teams.stream().map(TeamEntry::toString).collect(Collectors.joining(","));
    }

    private static List<TeamEntry> teams(Optional<String> value, String key) {
        Set<TeamEntry> entries = new LinkedHashSet<>();
        entries(value).forEach(entry -> entries.add(team(entry, key)));
        return new ArrayList<>(entries);
    }

    /** An {@code org/team-slug} entry, lower-cased; {@code key} names the setting in the error. */
    static TeamEntry team(String entry, String key) {
        String[] parts = entry.split("/", -1);
        if (parts.length != 2 || !LOGIN.matcher(parts[0]).matches() || !SLUG.matcher(parts[1]).matches()) {
            throw new IllegalStateException(key + " must list org/team-slug entries, comma-separated, not " + entry);
        }
        return new TeamEntry(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT));
    }

    private static Stream<String> entries(Optional<String> value) {
        return value.stream().flatMap(list -> Stream.of(list.split(","))).map(String::trim)
                .filter(entry -> !entry.isEmpty());
    }
}

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
 * The organizations ({@code GITHUB_ALLOWED_ORGS}) and teams ({@code GITHUB_ALLOWED_TEAMS}) whose members may sign in;
 * both empty lets every GitHub account in.
 */
record AllowList(List<String> organizations, List<TeamEntry> teams) {

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
    }

    static AllowList parse(Optional<String> organizations, Optional<String> teams) {
        List<String> orgs = entries(organizations).map(entry -> {
            if (!LOGIN.matcher(entry).matches()) {
                throw new IllegalStateException("GITHUB_ALLOWED_ORGS must list organization logins, comma-separated,"
                        + " not " + entry);
            }
            return entry.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        Set<TeamEntry> teamEntries = new LinkedHashSet<>();
        entries(teams).forEach(entry -> teamEntries.add(team(entry)));
        return new AllowList(orgs, new ArrayList<>(teamEntries));
    }

    /** Whether an allow-list is set: then only members of its organizations or teams get in. */
    boolean active() {
        return !organizations.isEmpty() || !teams.isEmpty();
    }

    /** The allowed set as audit events and logs name it, for example {@code orgs=acme teams=acme/core}. */
    String describe() {
        return "orgs=" + String.join(",", organizations)
                + " teams=" + teams.stream().map(TeamEntry::toString).collect(Collectors.joining(","));
    }

    private static TeamEntry team(String entry) {
        String[] parts = entry.split("/", -1);
        if (parts.length != 2 || !LOGIN.matcher(parts[0]).matches() || !SLUG.matcher(parts[1]).matches()) {
            throw new IllegalStateException("GITHUB_ALLOWED_TEAMS must list org/team-slug entries, comma-separated,"
                    + " not " + entry);
        }
        return new TeamEntry(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT));
    }

    private static Stream<String> entries(Optional<String> value) {
        return value.stream().flatMap(list -> Stream.of(list.split(","))).map(String::trim)
                .filter(entry -> !entry.isEmpty());
    }
}

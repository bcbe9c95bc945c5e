package dev.latchkey.testing.github;

import java.util.Locale;

/** A member's role in a team, as the {@code role} of GitHub's team membership names it. */
public enum TeamRole {
    MEMBER,
    MAINTAINER;

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.latchkey.testing.github;

import java.util.Locale;

/** A member's role in an organization, as the {@code role} of GitHub's organization membership names it. */
public enum OrgRole {
    MEMBER,
    /** An organization owner. */
    ADMIN,
    /** Manages the organization's billing: an active membership record, but not a member. */
    BILLING_MANAGER;

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.latchkey.testing.github;

/**
 * One address as {@code GET /user/emails} lists it; {@code visibility} is "public" or "private" on the primary
 * address and null on the others, as on GitHub.
 */
public record Email(String email, boolean primary, boolean verified, String visibility) {

    /** A verified primary address shown on the public profile. */
    public static Email primary(String address) {
        return new Email(address, true, true, "public");
    }

    /** A verified secondary address. */
    public static Email secondary(String address) {
        return new Email(address, false, true, null);
    }
}

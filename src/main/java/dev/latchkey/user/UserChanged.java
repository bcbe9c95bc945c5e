package dev.latchkey.user;

/**
 * Fired when a user's row changes or goes (role, ban, profile, deletion), so nothing keeps an older copy.
 */
public record UserChanged(long userId) {
}

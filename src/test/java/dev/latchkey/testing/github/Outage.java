package dev.latchkey.testing.github;

/** A way GitHub can be unavailable, applied to every web and API endpoint of the fake. */
public enum Outage {
    /** GitHub answers normally. */
    NONE,
    /** GitHub accepts the connection but sends nothing for longer than any sane client timeout. */
    HANG,
    /** GitHub resets the connection before answering. */
    CONNECTION_RESET,
    /** GitHub's front end answers 502 with its HTML unicorn page. */
    SERVER_ERROR
}

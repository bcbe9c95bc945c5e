package dev.latchkey.ratelimit;

/**
 * Where attempts are counted ({@code RATE_LIMIT_STORE}): in the shared database, or in each server's memory.
 */
enum RateLimitStore {
    DATABASE, MEMORY;

    static RateLimitStore parse(String value) {
        return switch (value) {
            case "database" -> DATABASE;
            case "memory" -> MEMORY;
            default -> throw new IllegalStateException("RATE_LIMIT_STORE must be database or memory, not " + value);
        };
    }
}

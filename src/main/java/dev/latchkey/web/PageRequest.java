package dev.latchkey.web;

/**
 * Which page of a list a client asked for: {@code page} from 1, {@code size} from 1 to 200 (50 when not given).
 */
public record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /** The page the query parameters name; 400 with what to send when either is not a whole number in range. */
    public static PageRequest of(String page, String size) {
        int number = parse(page, 1, Integer.MAX_VALUE / MAX_SIZE, "page must be a whole number from 1");
        int length = parse(size, DEFAULT_SIZE, MAX_SIZE, "size must be a whole number from 1 to " + MAX_SIZE);
        return new PageRequest(number, length);
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int parse(String value, int fallback, int max, String detail) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("[0-9]{1,9}") || Integer.parseInt(trimmed) < 1 || Integer.parseInt(trimmed) > max) {
            throw new ApiException(400, detail);
        }
        return Integer.parseInt(trimmed);
    }
}

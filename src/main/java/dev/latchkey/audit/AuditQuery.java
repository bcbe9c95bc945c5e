package dev.latchkey.audit;

import dev.latchkey.web.ApiException;
import dev.latchkey.web.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Which audit events a reader asked for: about one user (as actor or target), of one type, since a time, one page.
 */
public record AuditQuery(Long userId, String type, Instant since, PageRequest page) {

    public static AuditQuery of(String user, String type, String since, String page, String size) {
        return new AuditQuery(userId(user), type(type), since(since), PageRequest.of(page, size));
    }

    public AuditQuery about(long ownUserId) {
        return new AuditQuery(ownUserId, type, since, page);
    }

    private static Long userId(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        if (!user.trim().matches("[0-9]{1,18}")) {
            throw new ApiException(400, "user must be a user id (a number)");
        }
        return Long.parseLong(user.trim());
    }

    private static String type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String wanted = type.trim();
        if (Arrays.stream(AuditType.values()).noneMatch(known -> known.value().equals(wanted))) {
            throw new ApiException(400, "Unknown event type: expected one of " + String.join(", ",
                    Arrays.stream(AuditType.values()).map(AuditType::value).toList()));
        }
        return wanted;
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "since must be an ISO 8601 time such as 2025-01-31T00:00:00Z");
        }
    }
}

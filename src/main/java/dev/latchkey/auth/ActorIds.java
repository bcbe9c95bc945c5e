package dev.latchkey.auth;

import dev.latchkey.caller.AuthenticatedCaller;
import java.util.Optional;

/**
 * The actor id of a request for correlating logs: the signed-in user's id, else a client-chosen numeric label.
 *
 * <p>The label ({@code X-Actor-Id}, then the {@code aid} query parameter) is whatever the client says: never identity.
 */
final class ActorIds {

    private ActorIds() {
    }

    static long of(Optional<AuthenticatedCaller> caller, String header, String queryParameter) {
        if (caller.isPresent()) {
            return caller.get().userId();
        }
        return digits(header).or(() -> digits(queryParameter)).orElse(0L);
    }

    private static Optional<Long> digits(String value) {
        if (value == null || !value.trim().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.trim()));
    }
}

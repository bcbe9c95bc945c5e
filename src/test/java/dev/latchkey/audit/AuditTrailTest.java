package dev.latchkey.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where an audit event's client comes from when no request is at hand: the client work was run on behalf of, or none.
 */
class AuditTrailTest {

    private final List<AuditEvent> written = new ArrayList<>();
    private final AuditTrail trail = new AuditTrail();

    AuditTrailTest() {
        trail.writer = new AuditWriter() {
            @Override
            public void write(AuditEvent event) {
                written.add(event);
            }
        };
        // As on a thread of a pool or a timer: the request scope is not active there.
        trail.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new ContextNotActiveException("no request here");
                });
    }

    @Test
    void eventsRecordedOnBehalfOfAClientCarryItsAddressAndUserAgentAndOnlyThen() {
        String answer = trail.onBehalfOf("203.0.113.9", "test-agent", () -> {
            trail.record(AuditType.SIGN_IN, 7L, 7L, Map.of("method", "password"));
            return "done";
        });
        trail.record(AuditType.SIGN_OUT, 7L, 7L, Map.of());

        assertEquals("done", answer);
        assertEquals("203.0.113.9", written.get(0).ipAddress());
        assertEquals("test-agent", written.get(0).userAgent());
        assertNull(written.get(1).ipAddress());
        assertNull(written.get(1).userAgent());
    }

    @Test
    void theClientIsForgottenWhenTheWorkFails() {
        try {
            trail.onBehalfOf("203.0.113.9", "test-agent", () -> {
                throw new IllegalStateException("failed");
            });
        } catch (IllegalStateException expected) {
            // the work's own failure
        }
        trail.record(AuditType.SIGN_OUT, 7L, 7L, Map.of());

        assertNull(written.get(0).ipAddress());
    }
}

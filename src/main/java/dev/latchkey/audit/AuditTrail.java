package dev.latchkey.audit;

import dev.latchkey.web.ApiException;
import dev.latchkey.web.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends security events to the audit trail, with the client address and user agent of the request at hand.
 *
 * <p>Callers pass only non-secret details (methods, reasons, ids, logins): never a token, code, password or key.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    // Set only while work for a request runs on another thread, where the request itself cannot be reached.
    private static final ThreadLocal<Client> CLIENT_OFF_REQUEST = new ThreadLocal<>();

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    HttpServletRequest request;

    @Inject
    AuditWriter writer;

    /**
     * Records the event in its own short transaction, so it stays recorded when the caller's work fails (a refused
     * sign-in). A failure to record is logged, never shown to the client in place of the real answer.
     */
    public void record(AuditType type, Long actorUserId, Long targetUserId, Map<String, ?> detail) {
        try {
            writer.write(event(type, actorUserId, targetUserId, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not write a " + type.value() + " audit event", e);
        }
    }

    /**
     * Records a refused sign-in by {@code method} with the detail the client was told; {@code userId} is the account
     * it was aimed at when known. A ban refusal is recorded where it is decided, so it is skipped here.
     */
    public void signInFailed(String method, ApiException failure, Long userId) {
        if (failure.auditedWhereDecided()) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", method);
        detail.put("reason", failure.detail());
        detail.put("status", failure.status());
        record(AuditType.SIGN_IN_FAILED, userId, userId, detail);
    }

    /** Records the event in the caller's transaction: it is written if and only if the caller's work commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithin(AuditType type, Long actorUserId, Long targetUserId, Map<String, ?> detail) {
        em.persist(event(type, actorUserId, targetUserId, detail));
    }

    /**
     * Runs work for a request on a thread of its own (a pool's): the events it records carry this client's address and
     * user agent, as if recorded on the request's thread.
     */
    public <T> T onBehalfOf(String ipAddress, String userAgent, Supplier<T> work) {
        CLIENT_OFF_REQUEST.set(new Client(ipAddress, userAgent));
        try {
            return work.get();
        } finally {
            CLIENT_OFF_REQUEST.remove();
        }
    }

    private record Client(String ipAddress, String userAgent) {
    }

    private AuditEvent event(AuditType type, Long actorUserId, Long targetUserId, Map<String, ?> detail) {
        Client client = client();
        return new AuditEvent(Instant.now(), type.value(), actorUserId, targetUserId, client.ipAddress(),
                client.userAgent(), json(detail));
    }

    private Client client() {
        Client offRequest = CLIENT_OFF_REQUEST.get();
        if (offRequest != null) {
            return offRequest;
        }
        try {
            Object resolved = request.getAttribute(ClientAddresses.ATTRIBUTE);
            return new Client(resolved != null ? resolved.toString() : request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            // Written outside a request (a timer): there is no client to record.
            return new Client(null, null);
        }
    }

    static String json(Map<String, ?> detail) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        // In name order, so equal events read alike whatever map the caller built.
        new TreeMap<String, Object>(detail).forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Number number) {
                object.add(name, number.longValue());
            } else if (value instanceof Boolean bool) {
                object.add(name, bool);
            } else {
                object.add(name, value.toString());
            }
        });
        return object.build().toString();
    }
}

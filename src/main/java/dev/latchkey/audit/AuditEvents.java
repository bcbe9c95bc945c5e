package dev.latchkey.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Reads the audit trail newest first, one page at a time.
 */
@ApplicationScoped
public class AuditEvents {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /**
     * {@code {"events":[...],"page","size","total"}}. With {@code hideOthersClients}, the address and user agent of
     * events someone else did (an admin acting on this user) are left out.
     */
    public JsonObject page(AuditQuery query, boolean hideOthersClients) {
        String where = " WHERE 1 = 1"
                + (query.userId() != null ? " AND (e.actorUserId = :user OR e.targetUserId = :user)" : "")
                + (query.type() != null ? " AND e.type = :type" : "")
                + (query.since() != null ? " AND e.occurredAt >= :since" : "");
        TypedQuery<AuditEvent> select = bind(em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class), query);
        TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class), query);
        List<AuditEvent> events = select.setFirstResult(query.page().offset())
                .setMaxResults(query.page().size()).getResultList();
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(event -> array.add(view(event, hideOthersClients ? query.userId() : null)));
        return Json.createObjectBuilder()
                .add("events", array)
                .add("page", query.page().page())
                .add("size", query.page().size())
                .add("total", count.getSingleResult())
                .build();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> typed, AuditQuery query) {
        if (query.userId() != null) {
            typed.setParameter("user", query.userId());
        }
        if (query.type() != null) {
            typed.setParameter("type", query.type());
        }
        if (query.since() != null) {
            typed.setParameter("since", query.since());
        }
        return typed;
    }

    private static JsonObject view(AuditEvent event, Long reader) {
        boolean own = reader == null || reader.equals(event.actorUserId());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", event.id())
                .add("occurred_at", ISO_MILLIS.format(event.occurredAt()))
                .add("type", event.type());
        nullable(json, "actor_user_id", event.actorUserId());
        nullable(json, "target_user_id", event.targetUserId());
        nullable(json, "ip_address", own ? event.ipAddress() : null);
        nullable(json, "user_agent", own ? event.userAgent() : null);
        return json.add("detail", Json.createReader(new StringReader(event.detail())).readObject()).build();
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }
}

package dev.latchkey.admin;

import dev.latchkey.account.SignInMethods;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.membership.MembershipRecord;
import dev.latchkey.membership.MembershipRecords;
import dev.latchkey.user.User;
import dev.latchkey.web.ApiException;
import dev.latchkey.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds users for admins: a paged search by login, name or email, and one user with their sign-in methods and live
 * sessions; each with their last organization membership check.
 */
@ApplicationScoped
class AdminUsers {

    static final String NOT_FOUND = "User not found";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    SignInMethods methods;

    @Inject
    MembershipRecords memberships;

    /** The user with this id (as the path gave it): 400 when it is not a number, 404 when there is none. */
    User find(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new ApiException(400, "Malformed user id: expected a number");
        }
        User user = em.find(User.class, Long.parseLong(id));
        if (user == null) {
            throw new ApiException(404, NOT_FOUND);
        }
        return user;
    }

    /** {@code {"users":[...],"page","size","total"}}, by id; the query matches parts of login, name or email. */
    JsonObject search(String query, PageRequest page) {
        String where = query == null || query.isBlank() ? ""
                : " WHERE LOWER(u.githubLogin) LIKE :q ESCAPE '\\' OR LOWER(u.name) LIKE :q ESCAPE '\\'"
                        + " OR LOWER(u.email) LIKE :q ESCAPE '\\'";
        TypedQuery<User> select = em.createQuery("SELECT u FROM User u" + where + " ORDER BY u.id", User.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM User u" + where, Long.class);
        if (!where.isEmpty()) {
            String pattern = "%" + query.trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            select.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        Instant now = Instant.now();
        List<User> found = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<Long, MembershipRecord> checks = memberships.findAll(found.stream().map(User::id).toList());
        JsonArrayBuilder users = Json.createArrayBuilder();
        found.forEach(user -> users.add(AdminUserViews.user(user, Optional.ofNullable(checks.get(user.id())), now)));
        return Json.createObjectBuilder()
                .add("users", users)
                .add("page", page.page())
                .add("size", page.size())
                .add("total", count.getSingleResult())
                .build();
    }

    /** The user as admins see them, with the ban in force at {@code now} and their last membership check. */
    JsonObjectBuilder view(User user, Instant now) {
        return AdminUserViews.user(user, memberships.find(user.id()), now);
    }

    /** The user, their sign-in methods ({@code accounts}, as {@code /auth/accounts}) and live sessions. */
    JsonObject detail(String id) {
        User user = find(id);
        Instant now = Instant.now();
        JsonArrayBuilder live = Json.createArrayBuilder();
        sessions.liveSessionsOf(user.id(), now).forEach(session -> live.add(AdminUserViews.session(session)));
        return view(user, now)
                .add("accounts", methods.list(user).getJsonArray("accounts"))
                .add("sessions", live)
                .build();
    }
}

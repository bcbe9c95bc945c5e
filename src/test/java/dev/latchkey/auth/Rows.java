package dev.latchkey.auth;

import dev.latchkey.auth.session.Session;
import dev.latchkey.user.User;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;

/**
 * User and session rows as the database would hand them to the session check, built without a database.
 */
final class Rows {

    private Rows() {
    }

    static User user(long id) throws ReflectiveOperationException {
        User user = User.withEmail("user" + id + "@example.com", "User " + id, Instant.now());
        set(user, User.class, "id", id);
        return user;
    }

    /** A live session of a day, {@code impersonatorId} acting as the user when not null. */
    static Session session(String id, long userId, Long impersonatorId) throws ReflectiveOperationException {
        Constructor<Session> constructor = Session.class.getDeclaredConstructor(String.class, long.class,
                Instant.class, Instant.class, String.class, String.class, Long.class);
        constructor.setAccessible(true);
        Instant now = Instant.now();
        return constructor.newInstance(id, userId, now, now.plus(Duration.ofDays(1)), "127.0.0.1", "test",
                impersonatorId);
    }

    static void set(Object target, Class<?> type, String name, Object value) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}

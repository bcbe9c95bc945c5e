package dev.latchkey.bench;

import dev.latchkey.crypto.SecretKeys;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Builds Latchkey's beans outside a container, the way CDI would, for benchmarks that measure them without HTTP.
 */
final class Wiring {

    static final String SECRET = "benchmark-secret-key-0123456789-abcdefghijkl";
    static final String ISSUER = "http://localhost:8080";

    private Wiring() {
    }

    static SecretKeys secretKeys() throws ReflectiveOperationException {
        Constructor<SecretKeys> constructor = SecretKeys.class.getDeclaredConstructor(Optional.class, String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(Optional.of(SECRET), "production");
    }

    static <T> T create(Class<T> type, Object... fieldsAndValues) throws ReflectiveOperationException {
        Constructor<T> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        T bean = constructor.newInstance();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            set(bean, (String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return bean;
    }

    static void set(Object bean, String name, Object value) throws ReflectiveOperationException {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(bean, value);
    }

    static void postConstruct(Object bean, String method) throws ReflectiveOperationException {
        var init = bean.getClass().getDeclaredMethod(method);
        init.setAccessible(true);
        init.invoke(bean);
    }
}

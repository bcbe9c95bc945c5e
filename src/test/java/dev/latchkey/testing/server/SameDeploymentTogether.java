package dev.latchkey.testing.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs test classes that deploy the same WAR one after another (by class name otherwise), so the integration suite
 * boots one server per configuration rather than one per class.
 */
public class SameDeploymentTogether implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()));
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Map<ClassDescriptor, Integer> group = new HashMap<>();
        for (ClassDescriptor descriptor : context.getClassDescriptors()) {
            String fingerprint = fingerprint(descriptor.getTestClass());
            group.put(descriptor, firstSeen.computeIfAbsent(fingerprint, key -> firstSeen.size()));
        }
        context.getClassDescriptors().sort(Comparator.comparing(group::get));
    }

    private static String fingerprint(Class<?> testClass) {
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())) {
                try {
                    method.setAccessible(true);
                    return DeploymentFingerprint.of((Archive<?>) method.invoke(null));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return "unknown:" + testClass.getName();
                }
            }
        }
        return "none:" + testClass.getName();
    }
}

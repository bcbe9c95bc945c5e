package dev.latchkey.testing.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs test classes that deploy the same WAR one after another (by class name otherwise, those whose server boots
 * only in its turn first), so the integration suite boots one server per configuration rather than one per class, and
 * tells {@link UpcomingDeployments} that order.
 */
public class SameDeploymentTogether implements ClassOrderer {

    /** A test class's deployment; a null archive when it has none or it could not be made. */
    private record ClassDeployment(String fingerprint, Archive<?> archive, boolean defaultContainer,
            boolean bootsOnlyInTurn) {
    }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()));
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Map<ClassDescriptor, ClassDeployment> deployments = new HashMap<>();
        for (ClassDescriptor descriptor : context.getClassDescriptors()) {
            ClassDeployment deployment = deployment(descriptor.getTestClass());
            deployments.put(descriptor, deployment);
            firstSeen.computeIfAbsent(deployment.fingerprint(), key -> firstSeen.size());
        }
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> !deployments.get(descriptor).bootsOnlyInTurn())
                .thenComparing(descriptor -> firstSeen.get(deployments.get(descriptor).fingerprint())));
        plan(context.getClassDescriptors().stream().map(deployments::get).toList());
    }

    private static void plan(List<ClassDeployment> inOrder) {
        Set<String> seen = new HashSet<>();
        List<UpcomingDeployments.Upcoming> upcoming = new ArrayList<>();
        for (ClassDeployment deployment : inOrder) {
            if (deployment.archive() != null && deployment.defaultContainer() && seen.add(deployment.fingerprint())) {
                upcoming.add(new UpcomingDeployments.Upcoming(deployment.fingerprint(), deployment.archive(),
                        deployment.bootsOnlyInTurn()));
            }
        }
        UpcomingDeployments.plan(upcoming);
    }

    private static ClassDeployment deployment(Class<?> testClass) {
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())) {
                try {
                    method.setAccessible(true);
                    Archive<?> archive = (Archive<?>) method.invoke(null);
                    return new ClassDeployment(DeploymentFingerprint.of(archive), archive,
                            !method.isAnnotationPresent(TargetsContainer.class),
                            UpcomingDeployments.bootsOnlyInTurn(archive));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return new ClassDeployment("unknown:" + testClass.getName(), null, false, false);
                }
            }
        }
        return new ClassDeployment("none:" + testClass.getName(), null, false, false);
    }
}

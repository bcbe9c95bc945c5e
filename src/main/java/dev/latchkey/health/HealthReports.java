package dev.latchkey.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Answers MicroProfile Health's four endpoints from Latchkey's own checks, where the server does not serve its own on
 * the application's port (WildFly and Open Liberty as configured here); Payara answers them before this resource can.
 */
@Path("health")
@ApplicationScoped
public class HealthReports {

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @GET
    public Response all() {
        return report(List.of(Liveness.Literal.INSTANCE, Readiness.Literal.INSTANCE, Startup.Literal.INSTANCE));
    }

    @GET
    @Path("live")
    public Response live() {
        return report(List.of(Liveness.Literal.INSTANCE));
    }

    @GET
    @Path("ready")
    public Response ready() {
        return report(List.of(Readiness.Literal.INSTANCE));
    }

    @GET
    @Path("started")
    public Response started() {
        return report(List.of(Startup.Literal.INSTANCE));
    }

    private Response report(List<Annotation> kinds) {
        // A check that is of two kinds is run once for the whole report.
        Map<Bean<?>, Instance.Handle<HealthCheck>> selected = new LinkedHashMap<>();
        for (Annotation kind : kinds) {
            checks.select(kind).handles().forEach(handle -> selected.putIfAbsent(handle.getBean(), handle));
        }
        HealthReport report = new HealthReport(selected.values().stream().map(HealthReport::run).toList());
        selected.values().stream().filter(handle -> handle.getBean().getScope() == Dependent.class)
                .forEach(Instance.Handle::destroy);
        // Whatever the Accept header, as the other servers' MicroProfile Health answers.
        return Response.status(report.up() ? 200 : 503).entity(report.json()).type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}

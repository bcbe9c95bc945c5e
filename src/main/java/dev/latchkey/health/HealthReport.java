package dev.latchkey.health;

import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * The outcome of some health checks, in MicroProfile Health's JSON: UP only while every check is UP.
 */
record HealthReport(List<HealthCheckResponse> responses) {

    private static final Logger LOG = Logger.getLogger(HealthReport.class.getName());
    /** The name a check that threw is reported under: a class name would tell an anonymous caller about the code. */
    static final String FAILED_CHECK = "failed-check";

    /** Runs one check; one that fails is DOWN, its class and reason in the log only. */
    static HealthCheckResponse run(Instance.Handle<HealthCheck> handle) {
        try {
            return handle.get().call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + handle.getBean().getBeanClass().getName() + " failed", e);
            return new HealthCheckResponse(FAILED_CHECK, Status.DOWN, Optional.empty());
        }
    }

    boolean up() {
        return responses.stream().allMatch(response -> response.getStatus() == Status.UP);
    }

    JsonObject json() {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (HealthCheckResponse response : responses) {
            checks.add(Json.createObjectBuilder().add("name", response.getName())
                    .add("status", response.getStatus().name())
                    .add("data", data(response.getData().orElse(Map.of()))));
        }
        return Json.createObjectBuilder().add("status", up() ? "UP" : "DOWN").add("checks", checks).build();
    }

    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        data.forEach((key, value) -> {
            if (value instanceof Boolean flag) {
                json.add(key, flag);
            } else if (value instanceof Long || value instanceof Integer) {
                json.add(key, ((Number) value).longValue());
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }
}

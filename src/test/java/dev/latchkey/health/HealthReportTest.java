package dev.latchkey.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void upWhileEveryCheckIsUpInMicroProfileHealthsJson() {
        HealthReport report = new HealthReport(List.of(new HealthCheckResponse("database", Status.UP, Optional.empty())));
        assertTrue(report.up());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\",\"data\":{}}]}",
                report.json().toString());
    }

    @Test
    void oneCheckDownMakesTheReportDown() {
        HealthReport report = new HealthReport(List.of(new HealthCheckResponse("a", Status.UP, Optional.empty()),
                new HealthCheckResponse("b", Status.DOWN, Optional.of(Map.of("since", 3L)))));
        assertFalse(report.up());
        assertEquals("DOWN", report.json().getString("status"));
        assertEquals(3, report.json().getJsonArray("checks").getJsonObject(1).getJsonObject("data").getInt("since"));
    }

    @Test
    void noChecksIsUp() {
        HealthReport report = new HealthReport(List.of());
        assertTrue(report.up());
        assertEquals("{\"status\":\"UP\",\"checks\":[]}", report.json().toString());
    }
}

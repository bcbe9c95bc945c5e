package dev.latchkey.web;

import dev.latchkey.db.DatabaseFailures;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every JAX-RS operation of the OpenAPI document the 503 any of them answers while the database does not
 * (with a session token, even a public route), so no resource has to repeat it. Named by {@code mp.openapi.filter}.
 */
public class DatabaseOutageResponses implements OASFilter {

    static final String DESCRIPTION = DatabaseFailures.DETAIL + " (PostgreSQL is down, unreachable or too slow; "
            + "with Retry-After: " + DatabaseFailures.RETRY_AFTER_SECONDS + ")";
    /** A servlet with answers of its own for a slow database (README, "GitHub webhooks"). */
    private static final String WEBHOOKS = "/webhooks/github";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.equals(WEBHOOKS)) {
                item.getOperations().values().forEach(DatabaseOutageResponses::add);
            }
        });
    }

    private static void add(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse existing = responses.getAPIResponse("503");
        if (existing == null) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().description(DESCRIPTION));
        } else if (existing.getDescription() == null || !existing.getDescription().contains(DatabaseFailures.DETAIL)) {
            String before = existing.getDescription() == null ? "" : existing.getDescription() + "; or: ";
            existing.setDescription(before + DESCRIPTION);
        }
    }
}

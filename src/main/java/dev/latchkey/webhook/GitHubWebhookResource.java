package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * GitHub's webhook deliveries: the signature is checked over the raw body before anything is parsed, and fails
 * closed when no secret is configured.
 */
@Path("/webhooks/github")
@Produces(MediaType.APPLICATION_JSON)
public class GitHubWebhookResource {

    static final String NOT_CONFIGURED = "GitHub webhooks are not configured: set GITHUB_WEBHOOK_SECRET";
    static final String NO_SIGNATURE = "Missing X-Hub-Signature-256 header";
    static final String BAD_SIGNATURE = "Invalid webhook signature";

    @Inject
    @ConfigProperty(name = "GITHUB_WEBHOOK_SECRET")
    Optional<String> secret;

    @Inject
    WebhookDeliveries deliveries;

    @POST
    @Operation(summary = "A GitHub webhook delivery (ping; github_app_authorization revoked), processed once")
    @APIResponse(responseCode = "200", description = "{\"status\":\"ok\"|\"processed\"|\"ignored\"|\"duplicate\"}")
    @APIResponse(responseCode = "401", description = "Missing or invalid X-Hub-Signature-256")
    @APIResponse(responseCode = "413", description = "A body over 25 MB")
    @APIResponse(responseCode = "503", description = "GITHUB_WEBHOOK_SECRET is not set")
    public Map<String, String> receive(InputStream body, @HeaderParam("Content-Length") String contentLength,
                                       @HeaderParam("Content-Type") String contentType,
                                       @HeaderParam("X-Hub-Signature-256") String signature,
                                       @HeaderParam("X-GitHub-Event") String event,
                                       @HeaderParam("X-GitHub-Delivery") String delivery) {
        String key = secret.filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ApiException(503, NOT_CONFIGURED));
        byte[] raw = WebhookBody.read(body, contentLength, WebhookBody.MAX_BYTES);
        if (signature == null) {
            throw new ApiException(401, NO_SIGNATURE);
        }
        if (!WebhookSignature.valid(key, raw, signature)) {
            throw new ApiException(401, BAD_SIGNATURE);
        }
        // Signed by GitHub from here on.
        String id = required(delivery, "X-GitHub-Delivery");
        String type = required(event, "X-GitHub-Event");
        return Map.of("status", deliveries.process(id, type, payload(raw, contentType)));
    }

    private static String required(String header, String name) {
        if (header == null || header.isBlank() || header.length() > 100) {
            throw new ApiException(400, "Missing or malformed " + name + " header");
        }
        return header.trim();
    }

    /** The JSON payload: the body itself, or its {@code payload} field when GitHub sends a form. */
    private static JsonObject payload(byte[] raw, String contentType) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            text = text.startsWith("payload=") ? URLDecoder.decode(text.substring(8), StandardCharsets.UTF_8) : "";
        }
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException | ClassCastException notAnObject) {
            throw new ApiException(400, "The webhook payload must be a JSON object");
        }
    }
}

package dev.latchkey.webhook;

import dev.latchkey.web.ProblemWriter;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a processed delivery is answered: 200 with its status, or a problem with its detail. */
record WebhookAnswer(int status, String text) {

    // Written here, not by sendError: off the request's thread no error page is dispatched.
    void write(HttpServletResponse response) throws IOException {
        if (status != 200) {
            ProblemWriter.write(response, status, text);
            return;
        }
        byte[] json = Json.createObjectBuilder().add("status", text).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}

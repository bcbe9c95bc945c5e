package dev.latchkey.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem+json answer from a servlet filter, where JAX-RS mapping does not reach.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        byte[] body = Problems.body(status, detail).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        // Set as a plain header: setContentType would append a charset the JAX-RS answers do not carry.
        response.setHeader("Content-Type", Problems.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

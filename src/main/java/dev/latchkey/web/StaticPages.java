package dev.latchkey.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the bundled pages from the WAR, since the API owns every path below the context root.
 */
@Path("/")
public class StaticPages {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    @Context
    ServletContext servletContext;

    @GET
    @Operation(hidden = true)
    public Response index() {
        return page("index.html");
    }

    @GET
    @Path("{file: [A-Za-z0-9_\\-/]+\\.[a-z]+}")
    @Operation(hidden = true)
    public Response page(@PathParam("file") String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        String extension = lower.substring(lower.lastIndexOf('.') + 1);
        if (lower.startsWith("web-inf") || lower.startsWith("meta-inf") || file.contains("//")
                || !TYPES.containsKey(extension)) {
            return Problems.response(404, StatusDetails.forStatus(404));
        }
        InputStream content = servletContext.getResourceAsStream("/" + file);
        if (content == null) {
            return Problems.response(404, StatusDetails.forStatus(404));
        }
        return Response.ok(content, TYPES.get(extension))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                .build();
    }
}

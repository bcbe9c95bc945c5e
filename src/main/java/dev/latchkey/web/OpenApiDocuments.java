package dev.latchkey.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document built with the WAR at /openapi, where the server does not serve its own there (WildFly
 * and Open Liberty as configured here); Payara answers this path before this resource can.
 */
@Path("openapi")
@ApplicationScoped
public class OpenApiDocuments {

    /** As Payara and Liberty serve the YAML form: a browser shows it rather than downloading it. */
    private static final MediaType YAML = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    private final byte[] yaml = read("openapi.yaml");
    private final byte[] json = read("openapi.json");

    /** YAML unless {@code ?format=JSON} or, without a format, an {@code Accept} naming JSON (MicroProfile OpenAPI). */
    @GET
    public Response document(@QueryParam("format") String format, @Context HttpHeaders headers) {
        boolean asJson = format == null
                ? headers.getAcceptableMediaTypes().stream().anyMatch(OpenApiDocuments::isJson)
                : format.equalsIgnoreCase("json");
        return asJson ? Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build() : Response.ok(yaml, YAML).build();
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json");
    }

    private static byte[] read(String name) {
        try (InputStream in = OpenApiDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The WAR was built without " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

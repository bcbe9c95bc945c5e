package bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS application with one public GET and nothing else: what the platform itself can serve. */
@ApplicationPath("/")
public class BareApplication extends Application {

    /** Answers what Latchkey's and the Spring peer's public endpoint answer, from a constant. */
    @Path("auth/providers")
    public static class Providers {

        private static final String BODY = "{\"providers\":[\"github\"]}";

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String providers() {
            return BODY;
        }
    }
}

package dev.latchkey.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Latchkey's JAX-RS application, served from the context root.
 */
@ApplicationPath("/")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(info = @Info(title = "Latchkey", version = "0.1.0",
        description = "Sign in with GitHub and session management. Every error is application/problem+json. With "
                + "NODE_HEADER=enabled every answer names the instance that gave it in X-Latchkey-Node."))
public class LatchkeyApplication extends Application {
}

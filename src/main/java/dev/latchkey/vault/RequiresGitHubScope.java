package dev.latchkey.vault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method (or class) whose work needs these OAuth scopes on the caller's GitHub token; the
 * caller must be signed in, so pair it with {@code @RolesAllowed("user")}. Without a scope: 403 naming it. Tokens
 * that have no OAuth scopes (GitHub App user tokens, fine-grained PATs) pass: GitHub itself checks their
 * permissions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresGitHubScope {

    /** Every scope the route needs, such as {@code "read:org"}; a broader scope that includes one counts. */
    String[] value();
}

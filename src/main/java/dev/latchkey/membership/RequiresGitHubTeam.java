package dev.latchkey.membership;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method (or class) that only members of this GitHub team may use, as the user's last
 * membership check found them: 401 without a session, 403 naming the team for anyone else. Membership checks ask
 * GitHub about every team so required, allowed or not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresGitHubTeam {

    /** The team as {@code org/team-slug}, for example {@code "acme/core"} (case-insensitive). */
    String value();
}

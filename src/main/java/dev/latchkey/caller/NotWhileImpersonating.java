package dev.latchkey.caller;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route an admin acting as a user may not use (passwords, sign-in methods, the account, sessions): 403.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NotWhileImpersonating {

    String REFUSAL = "Not allowed while impersonating a user: stop impersonating first.";
}

package dev.latchkey.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that answers every caller alike (/health and /openapi, the server's own endpoints where the WAR
 * serves them), so no session token refuses it: a probe carrying a cookie sees the report while the database is away.
 */
// Inherited: a JAX-RS implementation may name a normal-scoped resource by its CDI proxy, a subclass.
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SameForEveryCaller {
}

package dev.tandem.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the fields of a resource that only the server sets, such as {@code id} or {@code status}, on the request
 * body type a client sends. Every field a request body type does not declare is rejected (no mass assignment);
 * one named here is rejected with a reason that says the server sets it, so that a client that echoes back
 * what it read learns what to leave out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServerOwnedFields {

    String[] value();
}

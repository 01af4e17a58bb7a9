package dev.tandem.routing;

import dev.tandem.testsupport.TandemIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A routing test class on the application context that routing's test classes share, unless one needs settings of
 * its own. Spring reuses one context for all classes with the same configuration, so these start one context
 * rather than one each; each other context, in a consumer group of its own, would also read the intake topic from
 * the start, and route and publish about every request that the classes before it submitted.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TandemIntegrationTest
// one consumer group, the same for every class that shares the context, and one whose lag a test can await
@TestPropertySource(properties = "spring.cloud.stream.default.group=" + SharedRoutingContext.GROUP)
public @interface SharedRoutingContext {

    /** The consumer group of the shared context. */
    String GROUP = "routing-it";
}

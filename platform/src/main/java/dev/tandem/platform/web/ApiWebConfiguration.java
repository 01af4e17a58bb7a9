package dev.tandem.platform.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API gets on the way in: a bounded body, JSON read strictly (see
 * {@link StrictJsonHttpMessageConverter}), and problem details for whatever is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiWebConfiguration {

    /** After Spring Security's filter chain (-100) and the rate limit, so that neither waits for a body. */
    static final int BODY_LIMIT_ORDER = -80;

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /**
     * Replaces the JSON converter for request and response bodies only: clients of other APIs keep Boot's
     * tolerant mapper. Ordered after Boot's own customizer, which sets the JSON converter first.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper json) {
        return builder -> builder.withJsonConverter(new StrictJsonHttpMessageConverter(json));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties properties,
                                                                          ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter((int) properties.maxBodySize().toBytes(), problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    /**
     * Tomcat reads form posts itself, past the body limit filter: it holds them to the same limit, unless
     * {@code server.tomcat.max-http-form-post-size} sets another. Ordered after Boot's customizer, which sets
     * Tomcat's default first.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> formPostsWithinTheBodyLimit(
            ApiProperties properties, Environment environment) {
        int limit = (int) properties.maxBodySize().toBytes();
        return factory -> {
            if (!environment.containsProperty("server.tomcat.max-http-form-post-size")) {
                factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(limit));
            }
        };
    }
}

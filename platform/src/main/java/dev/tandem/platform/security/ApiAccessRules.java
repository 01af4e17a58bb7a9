package dev.tandem.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's say in who may call which of its endpoints. Each service declares one bean; the platform's security
 * filter chain applies it after the endpoints that are open to all (health, API docs) and denies every request
 * that no rule allows.
 *
 * <pre>{@code
 * @Bean
 * ApiAccessRules intakeAccess() {
 *     return access -> access
 *             .requestMatchers(HttpMethod.POST, "/api/requests").hasRole(Roles.CUSTOMER)
 *             .requestMatchers(HttpMethod.GET, "/api/requests/**").authenticated();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ApiAccessRules {

    void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry access);
}

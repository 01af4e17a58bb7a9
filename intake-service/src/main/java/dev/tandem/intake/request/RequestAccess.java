package dev.tandem.intake.request;

import dev.tandem.platform.security.ApiAccessRules;
import dev.tandem.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call intake: customers submit and act on their own requests; agents and supervisors read any request's
 * status page. Which request a customer may see is decided per request (their own only, anything else is 404).
 */
@Configuration(proxyBeanMethods = false)
class RequestAccess {

    @Bean
    ApiAccessRules intakeAccess() {
        return access -> access
                .requestMatchers(HttpMethod.POST, "/api/requests", "/api/requests/*/details",
                        "/api/requests/*/withdraw", "/api/requests/*/reopen").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.GET, "/api/requests").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.GET, "/api/requests/*")
                .hasAnyRole(Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR);
    }
}

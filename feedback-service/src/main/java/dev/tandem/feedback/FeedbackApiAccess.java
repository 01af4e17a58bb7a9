package dev.tandem.feedback;

import dev.tandem.platform.security.ApiAccess;
import dev.tandem.platform.security.ApiAccessRules;
import dev.tandem.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the feedback API. A check-in needs no login: the signed token in its link is the credential, and it
 * opens that one check-in, which takes one answer. An agent reads their own CSAT; a supervisor anyone's.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackApiAccess {

    @Bean
    ApiAccessRules feedbackAccess() {
        return access -> access
                .requestMatchers(HttpMethod.GET, "/api/check-ins/{token}", "/check-ins/{token}").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/check-ins/{token}", "/check-ins/{token}").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/agents/{agentId}/csat")
                .access(ApiAccess.self("agentId", Roles.AGENT, Roles.SUPERVISOR));
    }
}

package dev.tandem.platform;

import dev.tandem.platform.security.ApiAccess;
import dev.tandem.platform.security.ApiAccessRules;
import dev.tandem.platform.security.Caller;
import dev.tandem.platform.security.Roles;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints with the kinds of rule real services declare: one role, the caller themselves, anyone signed in. */
@RestController
class DeskController {

    @GetMapping("/api/me")
    Caller me(Caller caller) {
        return caller;
    }

    @GetMapping("/api/agents/{agentId}/desk")
    Map<String, String> desk(@PathVariable String agentId) {
        return Map.of("agentId", agentId);
    }

    @GetMapping("/api/queues")
    Map<String, String> queues() {
        return Map.of("billing", "3 waiting");
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        ApiAccessRules deskAccess() {
            return access -> access
                    .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                    .requestMatchers("/api/tickets", "/api/tickets/**").authenticated()
                    .requestMatchers("/api/agents/{agentId}/**").access(ApiAccess.self("agentId", Roles.AGENT,
                            Roles.SUPERVISOR))
                    .requestMatchers(HttpMethod.GET, "/api/queues").hasAnyRole(Roles.AGENT, Roles.SUPERVISOR);
        }
    }
}

package dev.tandem.routing;

import dev.tandem.platform.security.ApiAccess;
import dev.tandem.platform.security.ApiAccessRules;
import dev.tandem.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the routing API. An agent acts for themselves only, their agent id being their
 * token's subject; a supervisor acts for anyone, alone registers, lists and changes agents, and alone reads why a
 * request went where it went and how each queue is doing. Customers have no business
 * here.
 */
@Configuration(proxyBeanMethods = false)
class RoutingApiAccess {

    @Bean
    ApiAccessRules routingAccess() {
        var theAgentOrASupervisor = ApiAccess.self("agentId", Roles.AGENT, Roles.SUPERVISOR);
        return access -> access
                .requestMatchers(HttpMethod.POST, "/api/agents").hasRole(Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/agents").hasRole(Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.PATCH, "/api/agents/{agentId}").hasRole(Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/queues", "/api/queues/{name}")
                .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/queues/{name}/statistics").hasRole(Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/requests/{requestId}/routing").hasRole(Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/agents/{agentId}", "/api/agents/{agentId}/offers")
                .access(theAgentOrASupervisor)
                .requestMatchers(HttpMethod.PUT, "/api/agents/{agentId}/presence").access(theAgentOrASupervisor)
                .requestMatchers(HttpMethod.POST, "/api/agents/{agentId}/offers/{requestId}/accept",
                        "/api/agents/{agentId}/offers/{requestId}/decline").access(theAgentOrASupervisor)
                // whom an agent may resolve, promise or hand over as is the controller's check: the agent id is in
                // the body
                .requestMatchers(HttpMethod.GET, "/api/requests/{requestId}").hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/requests/{requestId}/resolve",
                        "/api/requests/{requestId}/promise", "/api/requests/{requestId}/handoffs")
                .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR);
    }
}

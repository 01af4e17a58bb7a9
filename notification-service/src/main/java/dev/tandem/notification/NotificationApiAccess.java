package dev.tandem.notification;

import dev.tandem.platform.security.ApiAccessRules;
import dev.tandem.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the notification API: support staff and operators read what customers were told; nobody writes. */
@Configuration(proxyBeanMethods = false)
class NotificationApiAccess {

    @Bean
    ApiAccessRules notificationAccess() {
        return access -> access
                .requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/{notificationId}")
                .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR);
    }
}

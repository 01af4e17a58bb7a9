package dev.tandem.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RefusesForgedTokens;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may read what customers were told: agents, supervisors and operators; not customers, not anyone without a
 * valid token. Every rejection here fails its test if it stops happening.
 */
@TandemIntegrationTest
// the API alone: with its consumers stopped this context takes no other test class's events, and sends nothing
@TestPropertySource(properties = "spring.cloud.stream.default.consumer.auto-startup=false")
// no other test class shares this context: close it when done rather than keep it until the JVM exits
@DirtiesContext
class ApiSecurityIT implements RefusesForgedTokens {

    @LocalServerPort
    int port;
    @Autowired
    NotificationRepository notifications;

    private ApiClient api;
    private String requestId;
    private String notificationId;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        requestId = submitted.requestId();
        notificationId = notifications.insert(Notification.pending(submitted, MessageKind.ACKNOWLEDGEMENT,
                Channel.EMAIL, "a***@example.com", Instant.now())).id();
    }

    @Test
    void readingWantsABearerToken() {
        for (String path : paths()) {
            assertThat(api.get(path)).as(path).isUnauthorized();
        }
    }

    @Override
    public ApiClient.Response protectedCall(String token) {
        return api.as(token).get("/api/notifications?requestId=" + requestId);
    }

    @Test
    void aCustomerIsForbiddenEvenTheNotificationsOfTheirOwnRequest() {
        ApiClient customer = api.as(Tokens.customer("ada"));
        for (String path : paths()) {
            assertThat(customer.get(path)).as(path).isForbidden();
        }
    }

    static Stream<Arguments> staff() {
        return Stream.of(
                Arguments.of("agent", Tokens.agent("agent-1", "Grace")),
                Arguments.of("supervisor", Tokens.supervisor()),
                Arguments.of("operator", Tokens.operator()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staff")
    void supportStaffAndOperatorsReadThem(String role, String token) {
        ApiClient staff = api.as(token);

        var list = staff.get("/api/notifications?requestId=" + requestId);
        var one = staff.get("/api/notifications/" + notificationId);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("/0/id")).isEqualTo(notificationId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("/kind")).isEqualTo("ACKNOWLEDGEMENT");
    }

    private String[] paths() {
        return new String[] {"/api/notifications?requestId=" + requestId, "/api/notifications/" + notificationId};
    }
}

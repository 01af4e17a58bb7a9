package dev.tandem.routing.assignment;

import dev.tandem.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a test that drives routing through its {@link RoutingDesk} starts with: the API of the context it runs on, a
 * desk on it, and a skill of the test's own. A base class rather than an extension, because these are per-test
 * fields that every test reads; it says nothing of the context, which the class chooses (mostly
 * {@link dev.tandem.routing.SharedRoutingContext}).
 */
abstract class AbstractDeskIT {

    @LocalServerPort
    int port;

    /** The API as a caller without a token. */
    ApiClient api;
    RoutingDesk desk;
    /** A skill no other test uses, so that the test's requests go to the test's agents alone. */
    final String billing = RoutingDesk.freshSkill("billing");

    @BeforeEach
    void openTheDesk() {
        api = ApiClient.local(port);
        desk = new RoutingDesk(api);
    }
}

package dev.tandem.intake.request;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a test of one customer's requests starts with: the API as Ada's front end calls it, and the store and the
 * topic behind it, to check what intake kept and published. A base class, because these are fields that every test
 * of such a class reads.
 */
abstract class AbstractFrontEndIT {

    @LocalServerPort
    int port;
    @Autowired
    SupportRequestRepository requests;

    final TopicProbe topics = new TopicProbe();
    /** The API as Ada, a customer, calls it. */
    ApiClient api;

    @BeforeEach
    void signInAsAda() {
        api = ApiClient.local(port).as(Tokens.customer("ada"));
    }
}

package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.testsupport.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@TandemIntegrationTest
@TestPropertySource(properties = {
        "spring.cloud.stream.default.group=routing-offer-expiry-it",
        "tandem.routing.offer-timeout=2s"})
// offers that expire within seconds would disturb any test class that reused this context
@DirtiesContext
class OfferExpiryIT extends AbstractDeskIT {

    @Test
    void anOfferNobodyAnswersInTimeGoesToTheNextAgent() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        desk.presence(alan, "AVAILABLE");

        await().until(() -> alan.equals(desk.request(requestId).text("/offeredTo")));

        assertThat(desk.accept(grace, requestId).status()).isEqualTo(409);
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).isEqualTo(1);
        desk.awaitPublished(requestId, OfferDeclined.class,
                declined -> declined.agentId().equals(grace) && declined.reason().equals("EXPIRED"));
        desk.awaitPublished(requestId, RequestOffered.class, offer -> offer.agentId().equals(alan));
    }
}

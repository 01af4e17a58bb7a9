package dev.tandem.routing.assignment;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RoutedRequestRepository extends MongoRepository<RoutedRequest, String> {

    List<RoutedRequest> findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus status, String offeredTo);

    List<RoutedRequest> findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus status, Instant now);

    /** The handoffs offered to the agent, oldest first. */
    List<RoutedRequest> findByHandoffOfferedToOrderByHandoffOfferedAtAsc(String agentId);

    List<RoutedRequest> findByHandoffExpiresAtLessThanEqual(Instant now);

    List<RoutedRequest> findByEscalateAtLessThanEqual(Instant now);

    List<RoutedRequest> findByBreachAtLessThanEqual(Instant now);
}

package dev.tandem.routing.assignment;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RoutedRequestRepository extends MongoRepository<RoutedRequest, String> {

    /** The queue in the order it is served: most urgent first, then oldest. */
    List<RoutedRequest> findByStatusOrderByPriorityDescSubmittedAtAsc(RequestStatus status);

    List<RoutedRequest> findByStatusIn(List<RequestStatus> statuses);

    List<RoutedRequest> findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus status, String offeredTo);

    List<RoutedRequest> findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus status, Instant now);
}

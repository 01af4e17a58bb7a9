package dev.tandem.routing.assignment;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RoutedRequestRepository extends MongoRepository<RoutedRequest, String> {

    /**
     * The queue in the order it is served, most urgent first, then oldest, read a batch at a time as the stream is
     * consumed: a dispatch stops reading once the free agents are taken, however long the queue. Close it.
     */
    Stream<RoutedRequest> streamByStatusOrderByPriorityDescSubmittedAtAsc(RequestStatus status);

    List<RoutedRequest> findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus status, String offeredTo);

    List<RoutedRequest> findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus status, Instant now);
}

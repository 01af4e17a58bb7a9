package dev.tandem.intake.request;

import dev.tandem.platform.correlation.CorrelationId;
import dev.tandem.platform.idempotency.IdempotencyKeys;
import dev.tandem.platform.security.Caller;
import dev.tandem.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front door: customers submit requests, follow them, add to them, withdraw and reopen them. A customer only
 * ever sees their own requests: anyone else's answers 404, exactly as a request that does not exist.
 */
@RestController
@RequestMapping("/api/requests")
class SupportRequestController {

    private static final int SAVE_ATTEMPTS = 3;

    private final SupportRequestRepository requests;
    private final IdempotencyKeys idempotencyKeys;
    private final IntakeProperties properties;
    private final Clock clock;

    SupportRequestController(SupportRequestRepository requests, IdempotencyKeys idempotencyKeys,
                             IntakeProperties properties, Clock clock) {
        this.requests = requests;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the request with its {@code RequestSubmitted} event in one write, then answers 201: once the answer
     * is out, the event will reach the other services even if this process dies. With an {@code Idempotency-Key},
     * a retry within 24 hours gets the same answer and creates nothing.
     */
    @PostMapping
    ResponseEntity<RequestView> submit(Caller caller,
                                       @Parameter(description = "Makes retries safe: a unique value per new request,"
                                               + " such as a UUID; a retry with the same key and body within 24"
                                               + " hours answers as the first call did")
                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                       @Valid @RequestBody SubmitRequest body) {
        return idempotencyKeys.create(caller.subject(), key, body, RequestView.class, id -> {
            SupportRequest request = SupportRequest.submit(id, References.next(), caller.subject(), body,
                    CorrelationId.current(), clock.instant());
            try {
                requests.insert(request);
            } catch (DuplicateKeyException createdBeforeACrash) {
                request = requests.findById(id).orElseThrow(() -> createdBeforeACrash);
            }
            return ResponseEntity.created(URI.create("/api/requests/" + request.id())).body(RequestView.of(request));
        });
    }

    /** The caller's own requests, newest first, a page at a time. */
    @GetMapping
    RequestPage mine(Caller caller,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return RequestPage.of(requests.findByCustomerId(caller.subject(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt"))));
    }

    /** The status page: the customer's own request, or any request for agents and supervisors. */
    @GetMapping("/{id}")
    RequestView get(Caller caller, @PathVariable String id) {
        return requests.findById(id)
                .filter(request -> caller.isStaff() || caller.subject().equals(request.customerId()))
                .map(RequestView::of)
                .orElseThrow(() -> new ResourceNotFoundException("request", id));
    }

    /** Adds to an open request in the customer's own words; 409 once it is resolved or withdrawn. */
    @PostMapping("/{id}/details")
    RequestView addDetails(Caller caller, @PathVariable String id,
                           @Valid @RequestBody CustomerActions.AddDetails body) {
        return change(caller, id, request -> request.addDetails(body.text(), CorrelationId.current(),
                clock.instant()));
    }

    /** The customer no longer needs help; 409 once it is resolved or withdrawn. */
    @PostMapping("/{id}/withdraw")
    RequestView withdraw(Caller caller, @PathVariable String id, @Valid @RequestBody CustomerActions.Withdraw body) {
        return change(caller, id, request -> request.withdraw(body.reason(), CorrelationId.current(),
                clock.instant()));
    }

    /** Reopens a resolved request within the reopen window (14 days by default); 409 otherwise. */
    @PostMapping("/{id}/reopen")
    RequestView reopen(Caller caller, @PathVariable String id, @Valid @RequestBody CustomerActions.Reopen body) {
        return change(caller, id, request -> request.reopen(body.reason(), properties.reopenWindow(),
                CorrelationId.current(), clock.instant()));
    }

    // the other services' events update the same document: on a concurrent change, read it again and redo
    private RequestView change(Caller caller, String id, Consumer<SupportRequest> change) {
        for (int attempt = 1; ; attempt++) {
            SupportRequest request = requests.findById(id)
                    .filter(found -> caller.subject().equals(found.customerId()))
                    .orElseThrow(() -> new ResourceNotFoundException("request", id));
            change.accept(request);
            try {
                return RequestView.of(requests.save(request));
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }
}

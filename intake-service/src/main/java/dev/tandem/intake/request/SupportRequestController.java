package dev.tandem.intake.request;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.correlation.CorrelationId;
import dev.tandem.platform.idempotency.IdempotencyKeys;
import dev.tandem.platform.security.Caller;
import dev.tandem.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
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
@Tag(name = "Requests", description = "Customers' support requests and their status pages")
class SupportRequestController {

    private static final String PROBLEM = "application/problem+json";

    private final SupportRequestRepository requests;
    private final Aggregates aggregates;
    private final IdempotencyKeys idempotencyKeys;
    private final IntakeProperties properties;
    private final TimelineTexts timelineTexts;
    private final Clock clock;

    SupportRequestController(SupportRequestRepository requests, Aggregates aggregates,
                             IdempotencyKeys idempotencyKeys, IntakeProperties properties,
                             TimelineTexts timelineTexts, Clock clock) {
        this.requests = requests;
        this.aggregates = aggregates;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.timelineTexts = timelineTexts;
        this.clock = clock;
    }

    /**
     * Stores the request with its {@code RequestSubmitted} event in one write, then answers 201: once the answer
     * is out, the event will reach the other services even if this process dies. With an {@code Idempotency-Key},
     * a retry within 24 hours gets the same answer and creates nothing.
     */
    @Operation(summary = "Submit a support request", description = "Answers 201 with the status page and its"
            + " Location once the request and its event are stored. Send an Idempotency-Key to retry safely.")
    @ApiResponse(responseCode = "201", description = "Stored; the body is the request's status page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class),
                    examples = @ExampleObject(value = ApiExamples.VIEW)))
    @ApiResponse(responseCode = "409", description = "Another call with this Idempotency-Key is still running; retry"
            + " after Retry-After seconds", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(value = ApiExamples.KEY_IN_USE)))
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used with another body",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.KEY_REUSED)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = ApiExamples.SUBMIT)))
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
            ResponseEntity<RequestView> answer = created(request);
            return new IdempotencyKeys.Creation<>(answer, () -> store(request, answer));
        }, requests::existsById);
    }

    private ResponseEntity<RequestView> store(SupportRequest request, ResponseEntity<RequestView> answer) {
        try {
            requests.insert(request);
            return answer;
        } catch (DuplicateKeyException createdBeforeACrash) {
            return created(requests.findById(request.id()).orElseThrow(() -> createdBeforeACrash));
        }
    }

    private ResponseEntity<RequestView> created(SupportRequest request) {
        return ResponseEntity.created(URI.create("/api/requests/" + request.id())).body(view(request));
    }

    private RequestView view(SupportRequest request) {
        return RequestView.of(request.snapshot(), timelineTexts);
    }

    /** The caller's own requests, newest first, a page at a time. */
    @Operation(summary = "List my requests", description = "The calling customer's requests, newest first;"
            + " at most 100 a page.")
    @ApiResponse(responseCode = "200", description = "One page", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RequestPage.class), examples = @ExampleObject(value = ApiExamples.PAGE)))
    @GetMapping
    RequestPage mine(Caller caller,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return RequestPage.of(requests.findByCustomerId(caller.subject(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt"))));
    }

    /** The status page: the customer's own request, or any request for agents and supervisors. */
    @Operation(summary = "Read a request's status page", description = "State, owner, last update, what the"
            + " customer added, and the timeline. Another customer's request is 404, as if it did not exist.")
    @ApiResponse(responseCode = "200", description = "The status page", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RequestView.class),
            examples = @ExampleObject(value = ApiExamples.VIEW)))
    @RequestResponses.NotFound
    @GetMapping("/{id}")
    RequestView get(Caller caller, @PathVariable String id) {
        return requests.findById(id)
                .filter(request -> caller.isStaff() || caller.subject().equals(request.customerId()))
                .map(this::view)
                .orElseThrow(() -> new ResourceNotFoundException("request", id));
    }

    /** Adds to an open request in the customer's own words; 409 once it is resolved or withdrawn. */
    @Operation(summary = "Add details to an open request")
    @RequestResponses.Change
    @PostMapping("/{id}/details")
    RequestView addDetails(Caller caller, @PathVariable String id,
                           @Valid @RequestBody CustomerActions.AddDetails body) {
        return change(caller, id, request -> request.addDetails(body.text(), CorrelationId.current(),
                clock.instant()));
    }

    /** The customer no longer needs help; 409 once it is resolved or withdrawn. */
    @Operation(summary = "Withdraw an open request")
    @RequestResponses.Change
    @PostMapping("/{id}/withdraw")
    RequestView withdraw(Caller caller, @PathVariable String id, @Valid @RequestBody CustomerActions.Withdraw body) {
        return change(caller, id, request -> request.withdraw(body.reason(), CorrelationId.current(),
                clock.instant()));
    }

    /** Reopens a resolved request within the reopen window (14 days by default); 409 otherwise. */
    @Operation(summary = "Reopen a resolved request")
    @RequestResponses.Change
    @PostMapping("/{id}/reopen")
    RequestView reopen(Caller caller, @PathVariable String id, @Valid @RequestBody CustomerActions.Reopen body) {
        return change(caller, id, request -> request.reopen(body.reason(), properties.reopenWindow(),
                CorrelationId.current(), clock.instant()));
    }

    // the other services' events change the same document: the change is applied again to it as stored
    private RequestView change(Caller caller, String id, Consumer<SupportRequest> change) {
        return aggregates.update(SupportRequest.class, id, request -> {
            if (!caller.subject().equals(request.customerId())) {
                throw new ResourceNotFoundException("request", id);
            }
            change.accept(request);
        }).map(this::view).orElseThrow(() -> new ResourceNotFoundException("request", id));
    }
}

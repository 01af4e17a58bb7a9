package dev.tandem.routing.assignment;

import dev.tandem.platform.security.Caller;
import dev.tandem.routing.queue.QueueCatalog;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Routed requests: where each stands, promising its customer an update, and resolving it. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class RequestController {

    private final Assignments assignments;
    private final QueueCatalog catalog;
    private final Clock clock;

    RequestController(Assignments assignments, QueueCatalog catalog, Clock clock) {
        this.assignments = assignments;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Where the request stands in routing, who has it and why. */
    @GetMapping
    RequestView get(@PathVariable String requestId) {
        return RequestView.of(assignments.request(requestId));
    }

    /**
     * How the request went through routing, for supervisors: its queue, the relaxation step in force, and every
     * offer (with why its agent was chosen and who was passed over), decline, expiry and relaxation.
     */
    @ApiResponse(responseCode = "200", description = "The request's way through routing", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RoutingHistoryView.class),
            examples = @ExampleObject(value = RoutingApiExamples.ROUTING)))
    @ApiResponse(responseCode = "404", description = "Routing has not seen this request", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = RoutingApiExamples.NOT_FOUND)))
    @GetMapping("/routing")
    RoutingHistoryView routing(@PathVariable String requestId) {
        return RoutingHistoryView.of(assignments.request(requestId), catalog, clock.instant());
    }

    /**
     * The owner resolves the request; 409 for anyone else, or if it is not assigned. An agent resolves as themselves
     * only (403 for another agent id); a supervisor may resolve for the owner by naming them.
     */
    @PostMapping("/resolve")
    RequestView resolve(@PathVariable String requestId, @Valid @RequestBody ResolveRequest body, Caller caller) {
        return RequestView.of(assignments.resolve(requestId, actingAgent(body.agentId(), caller), body.summary()));
    }

    /**
     * The owner promises the customer their next update by a time, with a note if they like; the customer's status
     * page shows it until the request is resolved or withdrawn, or a newer promise replaces it. 409 for anyone but
     * the owner, or if it is not assigned; 400 for a time that is past or more than
     * {@value Assignments#LONGEST_PROMISE_DAYS} days ahead. Agents and supervisors act as for resolving.
     */
    @PostMapping("/promise")
    RequestView promise(@PathVariable String requestId, @Valid @RequestBody PromiseUpdate body, Caller caller) {
        return RequestView.of(assignments.promise(requestId, actingAgent(body.agentId(), caller),
                body.nextUpdateBy(), body.noteOrNull()));
    }

    /**
     * The owner hands the request to a colleague with a handoff packet: to a named one (a transfer), or to the first
     * free agent of a tier or higher, or of a team (an escalation), who is offered it with the packet. The owner stays
     * the owner until the colleague accepts; if they decline or let the offer expire, the owner keeps it
     * ({@code TransferDeclined}). 409 for anyone but the owner, while another handoff is under way, or when nobody of
     * the target can take it now (the detail says why); 400 unless exactly one target is named; 404 for an
     * unknown colleague. Agents and supervisors act as for resolving.
     */
    @ApiResponse(responseCode = "202", description = "The colleague is offered the request with its packet",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class),
                    examples = @ExampleObject(value = RoutingApiExamples.HANDED_OVER)))
    @ApiResponse(responseCode = "400", description = "No target, or more than one", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = RoutingApiExamples.NO_TARGET)))
    @ApiResponse(responseCode = "404", description = "No such request, or no such colleague", content = @Content(
            mediaType = "application/problem+json",
            examples = @ExampleObject(value = RoutingApiExamples.NO_SUCH_COLLEAGUE)))
    @ApiResponse(responseCode = "409", description = "Not the owner, a handoff under way, or nobody free to take it",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = RoutingApiExamples.NOBODY_FREE)))
    @PostMapping("/handoffs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RequestView handOver(@PathVariable String requestId, @Valid @RequestBody HandOver body, Caller caller) {
        return RequestView.of(assignments.handOver(requestId, actingAgent(body.agentId(), caller), body.target(),
                body.summary().strip(), body.stepsTried(), body.promisesMade()));
    }

    // the agent named in the body, or the caller; an agent acts as themselves only, a supervisor for anyone
    private static String actingAgent(String named, Caller caller) {
        String agentId = named != null ? named : caller.subject();
        if (!caller.isOrSupervises(agentId)) {
            throw new AccessDeniedException("An agent acts on requests as themselves only");
        }
        return agentId;
    }
}

package dev.tandem.routing.assignment;

import dev.tandem.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routed requests: where each stands, and resolving it. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class RequestController {

    private final Assignments assignments;

    RequestController(Assignments assignments) {
        this.assignments = assignments;
    }

    /** Where the request stands in routing, who has it and why. */
    @GetMapping
    RequestView get(@PathVariable String requestId) {
        return RequestView.of(assignments.request(requestId));
    }

    /**
     * The owner resolves the request; 409 for anyone else, or if it is not assigned. An agent resolves as themselves
     * only (403 for another agent id); a supervisor may resolve for the owner by naming them.
     */
    @PostMapping("/resolve")
    RequestView resolve(@PathVariable String requestId, @Valid @RequestBody ResolveRequest body, Caller caller) {
        String agentId = body.agentId() != null ? body.agentId() : caller.subject();
        if (!caller.isOrSupervises(agentId)) {
            throw new AccessDeniedException("An agent resolves requests as themselves only");
        }
        return RequestView.of(assignments.resolve(requestId, agentId, body.summary()));
    }
}

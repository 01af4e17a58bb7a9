package dev.tandem.routing.assignment;

import jakarta.validation.Valid;
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

    /** The owner resolves the request; 409 for anyone else, or if it is not assigned. */
    @PostMapping("/resolve")
    RequestView resolve(@PathVariable String requestId, @Valid @RequestBody ResolveRequest body) {
        return RequestView.of(assignments.resolve(requestId, body.agentId(), body.summary()));
    }
}

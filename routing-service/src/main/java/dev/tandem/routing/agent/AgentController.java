package dev.tandem.routing.agent;

import dev.tandem.platform.web.ResourceNotFoundException;
import dev.tandem.platform.web.StateConflictException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import dev.tandem.contracts.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agents and their presence, for agents' desktops and supervisors' consoles. */
@RestController
@RequestMapping("/api/agents")
class AgentController {

    private final Agents agents;
    private final Clock clock;

    AgentController(Agents agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * Adds an agent, offline until they say they are available; answers 201, or 409 when an agent with the id
     * exists already.
     */
    @PostMapping
    ResponseEntity<AgentView> register(@Valid @RequestBody RegisterAgent body) {
        String id = body.id() != null ? body.id() : RandomIds.uuid();
        try {
            Agent agent = agents.register(body.toAgent(id, clock.instant()));
            return ResponseEntity.created(URI.create("/api/agents/" + agent.id())).body(AgentView.of(agent));
        } catch (DuplicateKeyException taken) {
            throw new StateConflictException("An agent with id " + id + " is registered already");
        }
    }

    /** Every agent, for supervisors. */
    @GetMapping
    List<AgentView> all() {
        return agents.all().stream().map(AgentView::of).toList();
    }

    /** One agent, with the requests they hold. */
    @GetMapping("/{id}")
    AgentView get(@PathVariable String id) {
        return agents.find(id).map(AgentView::of).orElseThrow(() -> new ResourceNotFoundException("agent", id));
    }

    /**
     * A supervisor changes the agent's skills and proficiencies, tier, team or capacity, or deactivates the agent;
     * what the body leaves out stays as it is. It takes effect for the next offer and takes away no request in hand.
     */
    @ApiResponse(responseCode = "200", description = "The agent as changed", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AgentView.class),
            examples = @ExampleObject(value = AgentApiExamples.AGENT)))
    @ApiResponse(responseCode = "404", description = "No such agent", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = AgentApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "Others kept changing the agent; try again", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = AgentApiExamples.CONFLICT)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/merge-patch+json", examples = @ExampleObject(value = AgentApiExamples.CHANGE)))
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    AgentView change(@PathVariable String id, @Valid @RequestBody ChangeAgent body) {
        return agents.changeProfile(id, body::applyTo).map(AgentView::of)
                .orElseThrow(() -> new ResourceNotFoundException("agent", id));
    }

    /** Sets the agent's presence; becoming available offers them waiting requests straight away. */
    @PutMapping("/{id}/presence")
    AgentView changePresence(@PathVariable String id, @Valid @RequestBody PresenceChange body) {
        return agents.changePresence(id, body.presence(), clock.instant()).map(AgentView::of)
                .orElseThrow(() -> new ResourceNotFoundException("agent", id));
    }
}

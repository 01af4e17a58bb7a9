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

    private final AgentRepository repository;
    private final Agents agents;
    private final Clock clock;

    AgentController(AgentRepository repository, Agents agents, Clock clock) {
        this.repository = repository;
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
            Agent agent = repository.insert(Agent.register(id, body.name(), body.skills(), body.languages(),
                    body.capacity()));
            return ResponseEntity.created(URI.create("/api/agents/" + agent.id())).body(AgentView.of(agent));
        } catch (DuplicateKeyException taken) {
            throw new StateConflictException("An agent with id " + id + " is registered already");
        }
    }

    /** Every agent, for supervisors. */
    @GetMapping
    List<AgentView> all() {
        return repository.findAll().stream().map(AgentView::of).toList();
    }

    /** One agent, with the requests they hold. */
    @GetMapping("/{id}")
    AgentView get(@PathVariable String id) {
        return agents.find(id).map(AgentView::of).orElseThrow(() -> new ResourceNotFoundException("agent", id));
    }

    /** Sets the agent's presence; becoming available offers them waiting requests straight away. */
    @PutMapping("/{id}/presence")
    AgentView changePresence(@PathVariable String id, @Valid @RequestBody PresenceChange body) {
        return agents.changePresence(id, body.presence(), clock.instant()).map(AgentView::of)
                .orElseThrow(() -> new ResourceNotFoundException("agent", id));
    }
}

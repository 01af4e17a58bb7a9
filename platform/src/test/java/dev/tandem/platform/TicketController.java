package dev.tandem.platform;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.platform.web.ServerOwnedFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API of the test service that stores what it is sent, so that tests can see that a refusal stored nothing. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final TicketRepository tickets;

    TicketController(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenTicket body) {
        Ticket ticket = tickets.save(Ticket.opened(body.subject()));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id)).body(Map.of("id", ticket.id));
    }

    @ServerOwnedFields({"id", "status", "ownerId"})
    record OpenTicket(@NotBlank @Size(max = 100_000) String subject, @Valid Contact contact,
                      Map<String, String> labels, Integer priority, Urgency urgency) {
    }

    record Contact(@Email String email) {
    }
}

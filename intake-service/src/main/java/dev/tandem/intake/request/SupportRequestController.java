package dev.tandem.intake.request;

import dev.tandem.platform.correlation.CorrelationId;
import dev.tandem.platform.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The front door: front ends submit requests and show their status page from here. */
@RestController
@RequestMapping("/api/requests")
class SupportRequestController {

    private final SupportRequestRepository requests;
    private final Clock clock;

    SupportRequestController(SupportRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Stores the request with its {@code RequestSubmitted} event in one write, then answers 201. */
    @PostMapping
    ResponseEntity<RequestView> submit(@Valid @RequestBody SubmitRequest body) {
        SupportRequest request = SupportRequest.submit(UUID.randomUUID().toString(), References.next(), body,
                CorrelationId.current(), clock.instant());
        requests.insert(request);
        return ResponseEntity.created(URI.create("/api/requests/" + request.id())).body(RequestView.of(request));
    }

    @GetMapping("/{id}")
    RequestView get(@PathVariable String id) {
        return requests.findById(id).map(RequestView::of)
                .orElseThrow(() -> new ResourceNotFoundException("request", id));
    }
}

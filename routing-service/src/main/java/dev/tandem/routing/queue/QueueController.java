package dev.tandem.routing.queue;

import dev.tandem.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The queues and their routing policies, for supervisors' consoles. */
@RestController
@RequestMapping("/api/queues")
class QueueController {

    private final QueueCatalog catalog;

    QueueController(QueueCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every queue: the configured ones, and the queue of each other category a request has arrived in. */
    @ApiResponse(responseCode = "200", description = "The queues by name", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = QueueView.class)),
            examples = @ExampleObject(value = QueueApiExamples.QUEUES)))
    @GetMapping
    List<QueueView> all() {
        return catalog.all().stream().sorted(Comparator.comparing(QueueDefinition::name)).map(QueueView::of).toList();
    }

    /** One queue. */
    @ApiResponse(responseCode = "200", description = "The queue", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = QueueView.class), examples = @ExampleObject(value = QueueApiExamples.QUEUE)))
    @ApiResponse(responseCode = "404", description = "No such queue, or one of a category no request has arrived in",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = QueueApiExamples.NOT_FOUND)))
    @GetMapping("/{name}")
    QueueView get(@PathVariable String name) {
        return catalog.find(name).map(QueueView::of).orElseThrow(() -> new ResourceNotFoundException("queue", name));
    }
}

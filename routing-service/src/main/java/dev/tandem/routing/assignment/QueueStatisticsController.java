package dev.tandem.routing.assignment;

import dev.tandem.platform.web.ResourceNotFoundException;
import dev.tandem.routing.queue.QueueCatalog;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Each queue's statistics, for supervisors' dashboards. */
@RestController
class QueueStatisticsController {

    private final QueueStatistics statistics;
    private final QueueCatalog catalog;

    QueueStatisticsController(QueueStatistics statistics, QueueCatalog catalog) {
        this.statistics = statistics;
        this.catalog = catalog;
    }

    /**
     * The queue now (waiting, oldest wait, agents available and busy), and over the last 24 hours and since the
     * start: offers created, accepted, declined and expired, escalations and breaches of the time-to-owner target,
     * time to owner (average and p90) and SLA attainment. The same counts are Micrometer meters tagged by queue.
     */
    @ApiResponse(responseCode = "200", description = "The queue's statistics", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = QueueStatisticsView.class),
            examples = @ExampleObject(value = RoutingApiExamples.STATISTICS)))
    @ApiResponse(responseCode = "404", description = "No queue of this name", content = @Content(
            mediaType = "application/problem+json",
            examples = @ExampleObject(value = RoutingApiExamples.NO_SUCH_QUEUE)))
    @GetMapping("/api/queues/{name}/statistics")
    QueueStatisticsView statistics(@PathVariable String name) {
        return statistics.of(catalog.find(name).orElseThrow(() -> new ResourceNotFoundException("queue", name)));
    }
}

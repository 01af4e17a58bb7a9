package dev.tandem.routing.assignment;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueProperties;
import dev.tandem.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A router over agents and waiting requests held in memory, as an instance holds them once it has read the store:
 * the store itself is stood in for by a mock that has nothing more to tell. For unit tests of the decisions.
 */
final class RoutingBoard {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    final MovableClock clock = new MovableClock(START);
    final QueueCatalog catalog;
    final RoutingProperties properties;
    final LineBook book;
    final Agents agents;
    final Router router;

    /**
     * @param settings {@code tandem.routing.*} settings as a property file would give them, for queues and routing
     */
    RoutingBoard(Map<String, String> settings, List<Agent> agents) {
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        catalog = new QueueCatalog(binder.bindOrCreate("tandem.routing", Bindable.of(QueueProperties.class)));
        properties = binder.bindOrCreate("tandem.routing", Bindable.of(RoutingProperties.class));
        MongoTemplate store = mock(MongoTemplate.class);
        when(store.findAll(Agent.class)).thenReturn(agents);
        this.agents = new Agents(store, event -> { }, clock);
        book = new LineBook(store, catalog, clock, properties);
        book.lines(START);
        router = new Router(this.agents, catalog, book, properties);
    }

    /** A request submitted now in the category, in English, joining its queue. */
    RoutedRequest submit(String id, String category, Urgency urgency) {
        return submit(id, category, "en", urgency);
    }

    RoutedRequest submit(String id, String category, String language, Urgency urgency) {
        RoutedRequest request = RoutedRequest.queue(
                Requests.submitted(id, category, language, urgency, "c-" + id, clock.instant()),
                catalog.forCategory(category), new Standing(1, null), properties.urgencyHeadStart(), properties.sla(), clock.instant());
        book.remember(request);
        return request;
    }

    /** Takes the request's new state into the book, as saving it would. */
    void saved(RoutedRequest request) {
        book.remember(request);
    }

    Optional<Router.Offer> next() {
        return router.next(clock.instant());
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }
}

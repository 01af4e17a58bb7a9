package dev.tandem.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tandem.platform.outbox.Announcements.Announcement;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Where instances without the relay's lease leave their announcements for the instance that holds it, which
 * reads them every {@code tandem.outbox.hand-over-interval}: one small document each, deleted once relayed.
 */
final class HandOver {

    static final String COLLECTION = "outbox_handover";

    private final MongoCollection<Document> handOvers;

    HandOver(MongoCollection<Document> handOvers) {
        this.handOvers = handOvers;
    }

    void leave(List<Announcement> announcements) {
        if (!announcements.isEmpty()) {
            handOvers.insertMany(announcements.stream()
                    .map(announced -> new Document("collection", announced.collection()).append("id", announced.id()))
                    .toList());
        }
    }

    /** Up to {@code limit} announcements other instances left, to be {@link #done} once relayed. */
    Taken take(int limit) {
        List<Object> ids = new ArrayList<>();
        List<Announcement> announcements = new ArrayList<>();
        handOvers.find().limit(limit).forEach(handedOver -> {
            ids.add(handedOver.get("_id"));
            announcements.add(new Announcement(handedOver.getString("collection"), handedOver.get("id")));
        });
        return new Taken(ids, announcements);
    }

    void done(Taken taken) {
        if (!taken.ids().isEmpty()) {
            handOvers.deleteMany(Filters.in("_id", taken.ids()));
        }
    }

    /** What was taken: the hand-overs' own ids, and what they announce. */
    record Taken(List<Object> ids, List<Announcement> announcements) {

        static final Taken NOTHING = new Taken(List.of(), List.of());
    }
}

package dev.tandem.platform.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Announces to the {@link OutboxRelay} every document that this process saves or inserts, through
 * {@code MongoTemplate}, a repository or {@code Aggregates}, with pending events, so that the relay reads it at
 * once instead of waiting for its next sweep.
 */
class OutboxWriteListener extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    OutboxWriteListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document != null && document.get(OutboxEntry.FIELD) instanceof List<?> outbox && !outbox.isEmpty()) {
            // the document as written: its _id is the stored value, whatever the id's type in the class
            Object id = document.get("_id");
            if (id != null) {
                relay.pending(event.getCollectionName(), id);
            }
        }
    }
}

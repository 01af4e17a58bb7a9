package dev.tandem.platform.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("counters")
class Counter {

    @Id
    String id;
    @Version
    Long version;
    List<String> notes = new ArrayList<>();
}

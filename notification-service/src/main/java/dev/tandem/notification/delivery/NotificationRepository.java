package dev.tandem.notification.delivery;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

    List<Notification> findByRequestIdOrderByCreatedAtAsc(String requestId);
}

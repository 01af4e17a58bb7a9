package dev.tandem.notification.delivery;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RecipientRepository extends MongoRepository<Recipient, String> {
}

package dev.tandem.intake.request;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SupportRequestRepository extends MongoRepository<SupportRequest, String> {
}

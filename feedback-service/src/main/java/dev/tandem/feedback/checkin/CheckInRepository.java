package dev.tandem.feedback.checkin;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CheckInRepository extends MongoRepository<CheckIn, String> {
}

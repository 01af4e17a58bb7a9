package dev.tandem.platform;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TicketRepository extends MongoRepository<Ticket, String> {
}

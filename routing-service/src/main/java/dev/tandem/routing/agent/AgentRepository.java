package dev.tandem.routing.agent;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AgentRepository extends MongoRepository<Agent, String> {
}

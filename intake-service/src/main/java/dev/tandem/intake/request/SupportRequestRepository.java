package dev.tandem.intake.request;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SupportRequestRepository extends MongoRepository<SupportRequest, String> {

    Page<SupportRequest> findByCustomerId(String customerId, Pageable pageable);
}

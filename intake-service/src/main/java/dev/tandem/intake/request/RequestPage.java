package dev.tandem.intake.request;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a customer's requests, newest first.
 *
 * @param page       the page number, from 0
 * @param size       the most items a page holds
 * @param totalItems how many requests the customer has in all
 */
record RequestPage(List<Summary> items, int page, int size, long totalItems, int totalPages) {

    static RequestPage of(Page<SupportRequest> page) {
        return new RequestPage(page.getContent().stream().map(SupportRequest::snapshot).map(Summary::of).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    /** A request as a list shows it; its own page has the rest. */
    record Summary(String id, String reference, RequestStatus status, String subject, String ownerName,
                   Instant submittedAt, Instant updatedAt) {

        static Summary of(RequestSnapshot request) {
            return new Summary(request.id(), request.reference(), request.status(), request.submission().subject(),
                    request.owner() == null ? null : request.owner().name(), request.submittedAt(),
                    request.updatedAt());
        }
    }
}

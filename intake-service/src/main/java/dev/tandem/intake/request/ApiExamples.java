package dev.tandem.intake.request;

/** Examples for intake's API description: what a front-end developer sends and gets back. */
final class ApiExamples {

    static final String SUBMIT = """
            {
              "customer": {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+447700900123"},
              "language": "en",
              "preferredChannel": "EMAIL",
              "category": "billing",
              "subject": "Charged twice for October",
              "description": "My statement shows two charges of 49.00 on 3 October.",
              "urgency": "HIGH"
            }""";

    static final String VIEW = """
            {
              "id": "5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10",
              "reference": "TDM-7KQ2M9",
              "status": "ASSIGNED",
              "owner": {"name": "Grace"},
              "subject": "Charged twice for October",
              "description": "My statement shows two charges of 49.00 on 3 October.",
              "details": [{"at": "2026-11-02T09:40:00Z", "text": "It is on my November statement too."}],
              "category": "billing",
              "urgency": "HIGH",
              "language": "en",
              "preferredChannel": "EMAIL",
              "submittedAt": "2026-11-02T09:15:30Z",
              "updatedAt": "2026-11-02T09:41:02Z",
              "nextUpdate": {"by": "2026-11-03T12:00:00Z", "note": "Your bank is checking it."},
              "timeline": [
                {"at": "2026-11-02T09:15:30Z", "kind": "SUBMITTED", "text": "We received your request TDM-7KQ2M9."},
                {"at": "2026-11-02T09:15:31Z", "kind": "QUEUED",
                 "text": "Your request is waiting for the next available specialist."},
                {"at": "2026-11-02T09:17:10Z", "kind": "ASSIGNED", "text": "Alan is now looking after your request."},
                {"at": "2026-11-02T09:31:40Z", "kind": "RELEASED",
                 "text": "Alan is not available right now, so we are passing your request to a colleague. They will have everything you told us."},
                {"at": "2026-11-02T09:35:05Z", "kind": "TRANSFERRED",
                 "text": "Grace, a specialist, has taken over your request. They have everything you told us, so you do not need to repeat yourself."},
                {"at": "2026-11-02T09:41:02Z", "kind": "UPDATE_PROMISED",
                 "text": "Grace will give you an update by 3 November 2026, 12:00 UTC: Your bank is checking it."}
              ]
            }""";

    static final String PAGE = """
            {
              "items": [{"id": "5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10", "reference": "TDM-7KQ2M9", "status": "ASSIGNED",
                         "subject": "Charged twice for October", "ownerName": "Grace",
                         "submittedAt": "2026-11-02T09:15:30Z", "updatedAt": "2026-11-02T09:41:02Z"}],
              "page": 0, "size": 20, "totalItems": 1, "totalPages": 1
            }""";

    static final String NOT_FOUND = """
            {"type": "https://tandem.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No request with id 5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10",
             "instance": "/api/requests/5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10"}""";

    static final String CONFLICT = """
            {"type": "https://tandem.dev/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Request TDM-7KQ2M9 is withdrawn; details can be added to open requests only",
             "instance": "/api/requests/5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10/details"}""";

    static final String KEY_IN_USE = """
            {"type": "https://tandem.dev/problems/idempotency-key-in-use", "title": "Idempotency-Key in use",
             "status": 409, "detail": "A request with this Idempotency-Key is still being processed; retry shortly",
             "instance": "/api/requests"}""";

    static final String KEY_REUSED = """
            {"type": "https://tandem.dev/problems/idempotency-key-reused", "title": "Idempotency-Key reused",
             "status": 422,
             "detail": "This Idempotency-Key was used with a different request body; use a new key for a new request",
             "instance": "/api/requests"}""";

    private ApiExamples() {
    }
}

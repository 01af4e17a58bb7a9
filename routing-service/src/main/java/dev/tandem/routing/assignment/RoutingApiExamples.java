package dev.tandem.routing.assignment;

/** Examples for the routed requests' API description. */
final class RoutingApiExamples {

    static final String ROUTING = """
            {
              "requestId": "5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10",
              "queue": "billing",
              "status": "OFFERED",
              "step": null,
              "stepDescription": null,
              "nextStepAt": null,
              "history": [
                {"at": "2026-12-04T10:00:00.100Z", "kind": "QUEUED", "agentId": null, "step": 1,
                 "note": "joined queue billing at position 1", "explanation": null},
                {"at": "2026-12-04T10:00:00.120Z", "kind": "OFFERED", "agentId": "grace", "step": 1,
                 "note": "offered until 2026-12-04T10:02:00.120Z",
                 "explanation": {"queue": "billing", "step": 1,
                   "stepDescription": "billing 3 or more, tier 1, for 2 min", "policy": "LONGEST_IDLE",
                   "eligible": 2, "agentId": "grace", "matchingSkills": [{"name": "billing", "proficiency": 4}],
                   "tier": 1, "language": "en",
                   "passedOver": [
                     {"agentId": "alan", "reason":
                       "ranked lower by longest idle: idle since 2026-12-04T09:58:00Z, 1 of 2 slots in use"},
                     {"agentId": "lin", "reason": "billing 1, the step asks 3 or more"}]}}
              ]
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://tandem.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "No request with id 5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10"
            }""";

    private RoutingApiExamples() {
    }
}

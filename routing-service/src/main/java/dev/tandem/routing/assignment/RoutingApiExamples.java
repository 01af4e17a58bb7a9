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
              "sla": {"dueAt": "2026-12-04T14:00:00.100Z", "escalatesAt": "2026-12-04T13:12:00.100Z",
                      "escalatedAt": null, "breachedAt": null},
              "ownerless": {"since": "2026-12-04T10:00:00.100Z", "total": "PT1M", "lastSpell": "PT0S"},
              "owners": [],
              "handoff": null,
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

    static final String HANDED_OVER = """
            {
              "requestId": "5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10",
              "reference": "TDM-7KQ2M9",
              "status": "ASSIGNED",
              "category": "billing",
              "queue": "billing",
              "language": "en",
              "urgency": "HIGH",
              "offeredTo": null,
              "ownerId": "grace",
              "reason": "billing 4; speaks en; tier 1; first of 2 eligible agents by longest idle (queue billing, ...)",
              "declinedBy": [],
              "submittedAt": "2026-12-04T10:00:00.100Z",
              "nextUpdateBy": "2026-12-05T12:00:00Z",
              "handoff": {"kind": "ESCALATION", "from": "grace", "offeredTo": "ada",
                          "expiresAt": "2026-12-04T10:32:00.200Z"}
            }""";

    static final String NO_TARGET = """
            {
              "type": "https://tandem.dev/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "to must name exactly one of agentId, tier and team",
              "errors": [{"field": "to", "reason": "must name exactly one of agentId, tier and team"}]
            }""";

    static final String NOBODY_FREE = """
            {
              "type": "https://tandem.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Request 5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10 cannot be handed over now: nobody of tier 3 who \
            serves queue billing in en is available with a slot free"
            }""";

    static final String NO_SUCH_COLLEAGUE = """
            {
              "type": "https://tandem.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "No agent with id maya"
            }""";

    static final String STATISTICS = """
            {
              "queue": "billing",
              "at": "2026-12-04T18:00:00Z",
              "now": {"waiting": 4, "oldestWait": "PT3M12S", "agentsAvailable": 2, "agentsBusy": 9},
              "last24Hours": {"offersCreated": 412, "offersAccepted": 371, "offersDeclined": 29, "offersExpired": 8,
                              "escalations": 6, "slaBreaches": 1, "timeToOwnerAverage": "PT1M41S",
                              "timeToOwnerP90": "PT5M", "slaAttainment": 0.997},
              "sinceStart": {"offersCreated": 9120, "offersAccepted": 8790, "offersDeclined": 260, "offersExpired": 51,
                             "escalations": 77, "slaBreaches": 12, "timeToOwnerAverage": "PT1M58S",
                             "timeToOwnerP90": "PT5M", "slaAttainment": 0.998}
            }""";

    static final String NO_SUCH_QUEUE = """
            {
              "type": "https://tandem.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "No queue with id refunds"
            }""";

    private RoutingApiExamples() {
    }
}

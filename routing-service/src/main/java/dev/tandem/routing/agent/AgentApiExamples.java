package dev.tandem.routing.agent;

/** Examples for the agents' API description. */
final class AgentApiExamples {

    static final String CHANGE = """
            {"skills": [{"name": "billing", "proficiency": 5}, {"name": "refunds", "proficiency": 2}],
             "tier": 2, "team": "escalations", "capacity": 3}""";

    static final String AGENT = """
            {
              "id": "grace",
              "name": "Grace",
              "skills": [{"name": "billing", "proficiency": 5}, {"name": "refunds", "proficiency": 2}],
              "languages": ["en", "de"],
              "tier": 2,
              "team": "escalations",
              "capacity": 3,
              "active": true,
              "presence": "AVAILABLE",
              "activeRequests": ["5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10"],
              "freeSlots": 2
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://tandem.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "No agent with id grace"
            }""";

    static final String CONFLICT = """
            {
              "type": "https://tandem.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Agent grace was changed by others 5 times in a row while this change was applied; try again"
            }""";

    private AgentApiExamples() {
    }
}

package dev.tandem.routing.queue;

/** Examples for the queues' API description. */
final class QueueApiExamples {

    static final String QUEUE = """
            {
              "name": "billing",
              "categories": ["billing", "payments"],
              "skills": [{"skill": "billing", "minProficiency": 1}],
              "language": "PRIMARY_SUBTAG",
              "policy": "LONGEST_IDLE",
              "steps": [
                {"duration": "PT2M", "minProficiency": 3, "tiers": [1], "requireSkills": true,
                 "description": "billing 3 or more, tier 1, for 2 min"},
                {"duration": "PT3M", "minProficiency": 2, "tiers": [], "requireSkills": true,
                 "description": "billing 2 or more, for 3 min"},
                {"duration": null, "minProficiency": 1, "tiers": [], "requireSkills": true,
                 "description": "billing 1 or more, until accepted"}
              ]
            }""";

    static final String QUEUES = "[" + QUEUE + "]";

    static final String NOT_FOUND = """
            {
              "type": "https://tandem.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "No queue with id shipping"
            }""";

    private QueueApiExamples() {
    }
}

package dev.tandem.local;

/** What the tools server answers: a status and a UTF-8 body of the given media type. */
record Response(int status, String mediaType, String body) {

    static Response json(int status, String json) {
        return new Response(status, "application/json", json);
    }

    static Response html(String html) {
        return new Response(200, "text/html", html);
    }

    static Response notFound() {
        return json(404, Json.object().field("status", 404).field("message", "Not found").end());
    }

    static Response methodNotAllowed() {
        return json(405, Json.object().field("status", 405).field("message", "Method not allowed").end());
    }
}

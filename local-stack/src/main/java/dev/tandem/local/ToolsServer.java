package dev.tandem.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.issuer.IssuerEndpoint;
import dev.tandem.issuer.LocalIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The local tools on one HTTP port: the received mail and text messages, as JSON ({@code /mail}, {@code /sms})
 * and as a page for a browser ({@code /}), the SMS gateway stand-in, and the local token issuer
 * ({@code /issuer/token?role=customer&subject=ada}, {@code /issuer/jwks.json}).
 */
final class ToolsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ToolsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<List<ReceivedMail>> mail;
    private final SmsInbox sms;
    private final SmsGateway smsGateway;

    private ToolsServer(HttpServer server, ExecutorService executor, Supplier<List<ReceivedMail>> mail, SmsInbox sms) {
        this.server = server;
        this.executor = executor;
        this.mail = mail;
        this.sms = sms;
        this.smsGateway = new SmsGateway(sms);
    }

    static ToolsServer start(int port, Supplier<List<ReceivedMail>> mail, SmsInbox sms, LocalIssuer issuer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Endpoints.HOST, port), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            ToolsServer tools = new ToolsServer(server, executor, mail, sms);
            server.createContext("/", tools::handle);
            server.createContext(Endpoints.ISSUER_PATH, new IssuerEndpoint(issuer, Endpoints.ISSUER_PATH));
            server.setExecutor(executor);
            server.start();
            return tools;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + " for the local tools", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange);
            } catch (RuntimeException e) {
                log.warn("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = Response.json(500, Json.object().field("status", 500).field("message", String.valueOf(e.getMessage())).end());
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.mediaType() + "; charset=utf-8");
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean isGet = "GET".equals(exchange.getRequestMethod());
        if (path.startsWith(SmsGateway.PATH_PREFIX)) {
            return "POST".equals(exchange.getRequestMethod())
                    ? smsGateway.send(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : Response.methodNotAllowed();
        }
        return switch (path) {
            case "/" -> isGet ? Response.html(InboxPage.render(mail.get(), sms.received())) : Response.methodNotAllowed();
            case "/mail" -> isGet ? Response.json(200, Json.array(mail.get().stream().map(ToolsServer::toJson).toList()))
                    : Response.methodNotAllowed();
            case "/sms" -> isGet ? Response.json(200, Json.array(sms.received().stream().map(ToolsServer::toJson).toList()))
                    : Response.methodNotAllowed();
            default -> Response.notFound();
        };
    }

    private static String toJson(ReceivedMail mail) {
        return Json.object()
                .field("to", mail.to())
                .field("from", mail.from())
                .field("subject", mail.subject())
                .field("body", mail.body())
                .field("receivedAt", mail.receivedAt().toString())
                .end();
    }

    private static String toJson(ReceivedSms sms) {
        return Json.object()
                .field("sid", sms.sid())
                .field("to", sms.to())
                .field("from", sms.from())
                .field("body", sms.body())
                .field("receivedAt", sms.receivedAt().toString())
                .end();
    }
}

package dev.tandem.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerTokensTest {

    private static final List<Submissions.Customer> CUSTOMERS = List.of(
            new Submissions.Customer("c-1", "Ada Lovelace", "ada@example.com", null),
            new Submissions.Customer("c-2", "Grace Hopper", "grace@example.com", "+447700900123"));

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer issuer;

    @AfterEach
    void stopIssuer() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    @Test
    void fetchesATokenPerCustomerWithTheCustomerRole() throws IOException {
        URI uri = startIssuer(200);

        assertThat(CustomerTokens.fetch(uri, CUSTOMERS, CustomerTokens.Mode.AUTO))
                .containsEntry("c-1", "token-for-c-1").containsEntry("c-2", "token-for-c-2");
        assertThat(queries).containsExactly("role=customer&subject=c-1", "role=customer&subject=c-2");
    }

    @Test
    void submitsWithoutTokensWhenTheIssuerIsNotThereInAutoMode() throws IOException {
        assertThat(CustomerTokens.fetch(startIssuer(404), CUSTOMERS, CustomerTokens.Mode.AUTO)).isEmpty();
        assertThat(CustomerTokens.fetch(URI.create("http://127.0.0.1:1/issuer/token"), CUSTOMERS,
                CustomerTokens.Mode.AUTO)).isEmpty();
    }

    @Test
    void failsWithoutTokensWhenTheyAreRequired() throws IOException {
        URI uri = startIssuer(404);

        assertThatIllegalStateException()
                .isThrownBy(() -> CustomerTokens.fetch(uri, CUSTOMERS, CustomerTokens.Mode.TRUE))
                .withMessageContaining("-Dauth=false");
    }

    @Test
    void asksNothingWhenSwitchedOff() throws IOException {
        URI uri = startIssuer(200);

        assertThat(CustomerTokens.fetch(uri, CUSTOMERS, CustomerTokens.Mode.FALSE)).isEmpty();
        assertThat(queries).isEmpty();
    }

    private URI startIssuer(int status) throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/issuer/token", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            String subject = query.substring(query.indexOf("subject=") + "subject=".length());
            byte[] body = ("{\"access_token\": \"token-for-" + subject
                    + "\", \"token_type\":\"Bearer\", \"expires_in\": 3600}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        return URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/issuer/token");
    }
}

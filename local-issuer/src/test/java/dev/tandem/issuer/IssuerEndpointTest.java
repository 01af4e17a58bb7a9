package dev.tandem.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerEndpointTest {

    static LocalIssuerServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = LocalIssuerServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.issuer().issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mintsATokenThatThePublishedKeySetVerifies() throws Exception {
        var answer = get("/token?role=agent&subject=grace&name=Grace%20Hopper");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        String token = (String) com.nimbusds.jose.util.JSONObjectUtils.parse(answer.body()).get("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey published = (RSAKey) JWKSet.parse(get("/jwks.json").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("grace");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuer().issuer());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("tandem");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("agent");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Grace Hopper");
        assertThat(published.isPrivate()).as("only the public key is published").isFalse();
    }

    @Test
    void refusesUnknownRolesAndMissingSubjects() throws Exception {
        assertThat(get("/token?role=admin&subject=eve").statusCode()).isEqualTo(400);
        assertThat(get("/token?role=customer").statusCode()).isEqualTo(400);
        assertThat(get("/token?role=customer&subject=ada&lifetime=P30D").statusCode()).isEqualTo(400);
        assertThat(get("/token?role=customer&subject=a%20b").body()).contains("subject");
    }

    @Test
    void describesItselfForDiscovery() throws Exception {
        var discovery = com.nimbusds.jose.util.JSONObjectUtils.parse(get("/.well-known/openid-configuration").body());
        assertThat(discovery).containsEntry("issuer", server.issuer().issuer())
                .containsEntry("jwks_uri", server.issuer().issuer() + "/jwks.json");
    }

    @Test
    void keepsItsKeyAcrossRestartsWhenGivenAFile(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("issuer.jwk");
        LocalIssuer first = LocalIssuer.withKeyIn(keyFile, "http://localhost/issuer");
        LocalIssuer again = LocalIssuer.withKeyIn(keyFile, "http://localhost/issuer");

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.jwkSetJson()).isEqualTo(first.jwkSetJson());
        assertThat(Files.getPosixFilePermissions(keyFile)).hasSize(2);
    }
}

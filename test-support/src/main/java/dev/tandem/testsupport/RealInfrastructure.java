package dev.tandem.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import dev.tandem.issuer.LocalIssuer;
import dev.tandem.issuer.LocalIssuerServer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB-wire store that integration tests run against, started once per test JVM.
 * Where Docker runs, they are real Kafka and MongoDB containers; elsewhere an embedded KRaft broker and
 * mongo-java-server (answering with whole documents, see {@link CopyingMemoryBackend}), both reached over real sockets
 * by the real clients. A local token issuer serves its key set over HTTP, so services verify test tokens as they verify
 * real ones. Set {@code -Dtandem.test.infrastructure=embedded} or {@code =containers} to choose.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static volatile RealInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String mongoBaseUri;
    private final String kind;
    private final LocalIssuerServer issuer = LocalIssuerServer.start(0);

    private RealInfrastructure(String kafkaBootstrapServers, String mongoBaseUri, String kind) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
        this.kind = kind;
    }

    public static RealInfrastructure get() {
        RealInfrastructure started = instance;
        if (started == null) {
            synchronized (RealInfrastructure.class) {
                started = instance;
                if (started == null) {
                    started = useContainers() ? startContainers() : startEmbedded();
                    instance = started;
                    log.info("Integration tests run on {}: Kafka {}, store {}", started.kind,
                            started.kafkaBootstrapServers, started.mongoBaseUri);
                }
            }
        }
        return started;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The token issuer the services trust in tests: a real HTTP server publishing its key set. */
    public LocalIssuer issuer() {
        return issuer.issuer();
    }

    /** A connection string for a database of its own on the shared store. */
    public String mongoUri(String database) {
        // a short server selection: when the store stops at the end of the test JVM before a context has closed,
        // the context's last writes fail fast instead of holding the JVM's exit for the driver's 30 s
        return mongoBaseUri + "/" + database + "?serverSelectionTimeoutMS=3000";
    }

    private static boolean useContainers() {
        String choice = System.getProperty("tandem.test.infrastructure", "auto");
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    @SuppressWarnings("resource") // the containers live as long as the test JVM; Testcontainers reaps them
    private static RealInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        String mongoUri = mongo.getConnectionString();
        return new RealInfrastructure(kafka.getBootstrapServers(), mongoUri, "Testcontainers (Kafka, MongoDB)");
    }

    private static RealInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new CopyingMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "stop-test-infrastructure"));
        return new RealInfrastructure(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort(), "embedded KRaft broker and mongo-java-server");
    }
}

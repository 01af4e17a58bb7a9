package dev.tandem.local;

/**
 * Where the running stack can be reached. Every address is on 127.0.0.1.
 *
 * @param kafkaBootstrap  the broker's bootstrap address, host:port
 * @param mongoUri        the MongoDB-wire store, without a database name
 * @param smtpPort        the SMTP server that receives the notification service's mail
 * @param toolsUrl        the mail and SMS inboxes and the SMS gateway stand-in
 */
public record Endpoints(String kafkaBootstrap, String mongoUri, int smtpPort, String toolsUrl,
                        String intakeUrl, String routingUrl, String notificationUrl, String feedbackUrl) {

    static final String HOST = "127.0.0.1";
    static final String ISSUER_PATH = "/issuer";

    static Endpoints of(Ports ports) {
        return new Endpoints(
                HOST + ":" + ports.kafka(),
                "mongodb://" + HOST + ":" + ports.mongo(),
                ports.smtp(),
                http(ports.tools()),
                http(ports.intake()),
                http(ports.routing()),
                http(ports.notification()),
                http(ports.feedback()));
    }

    static String http(int port) {
        return "http://" + HOST + ":" + port;
    }

    /** The local token issuer, which the services trust: {@code <issuer>/token?role=...&subject=...}. */
    public String issuerUrl() {
        return toolsUrl + ISSUER_PATH;
    }

    /** The received mail as JSON. */
    public String mailInboxUrl() {
        return toolsUrl + "/mail";
    }

    /** The received text messages as JSON. */
    public String smsInboxUrl() {
        return toolsUrl + "/sms";
    }
}

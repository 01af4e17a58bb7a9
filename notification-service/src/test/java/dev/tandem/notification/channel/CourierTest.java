package dev.tandem.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.notification.template.CustomerMessage;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class CourierTest {

    private static final Contact PREFERS_SMS = new Contact("Ada Lovelace", "ada@example.com", "+447700900123",
            Channel.SMS);
    private static final CustomerMessage MESSAGE = new CustomerMessage("[TDM-7KQ2M9] Subject", "Body", "Short");

    private final RecordingMailServer mailServer = new RecordingMailServer();
    private final AtomicInteger smsCalls = new AtomicInteger();
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .minimumNumberOfCalls(100).recordExceptions(DeliveryFailure.class)
            .ignoreExceptions(DeliveryRejected.class).build());
    private Supplier<String> smsGatewayAnswer = () -> "SM0001";

    private final Courier courier = new Courier(
            new EmailSender(mailServer, new ChannelProperties(new ChannelProperties.Mail(
                    "Tandem Support <support@tandem.local>"), new ChannelProperties.Sms(URI.create("http://unused"),
                    "AC1", "token", "+15005550006", Duration.ofSeconds(1), Duration.ofSeconds(1)))),
            (to, text) -> {
                smsCalls.incrementAndGet();
                return smsGatewayAnswer.get();
            },
            RetryRegistry.of(RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
                    .retryExceptions(DeliveryFailure.class).ignoreExceptions(DeliveryRejected.class).build()),
            circuitBreakers,
            RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(100).build()));

    @Test
    void thePreferredChannelTakesTheMessage() {
        Delivery delivery = courier.deliver("e-1:ACKNOWLEDGEMENT", PREFERS_SMS, MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Sent(Channel.SMS, "+44*******123", "SM0001", 1, null));
        assertThat(mailServer.sent).isEmpty();
    }

    @Test
    void aFailingSmsGatewayIsRetriedThenEmailTakesOver() {
        smsGatewayAnswer = () -> {
            throw new DeliveryFailure("SMS gateway answered 503");
        };

        Delivery delivery = courier.deliver("e-1:ACKNOWLEDGEMENT", PREFERS_SMS, MESSAGE);

        assertThat(smsCalls).hasValue(3);
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivery.recipient()).isEqualTo("a***@example.com");
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.failures()).isEqualTo("SMS: SMS gateway answered 503");
        assertThat(mailServer.sent).hasSize(1);
    }

    @Test
    void aRejectedSmsIsNotRetried() {
        smsGatewayAnswer = () -> {
            throw new DeliveryRejected("SMS gateway answered 400");
        };

        Delivery delivery = courier.deliver("e-1:ACKNOWLEDGEMENT", PREFERS_SMS, MESSAGE);

        assertThat(smsCalls).hasValue(1);
        assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivery.attempts()).isEqualTo(2);
    }

    @Test
    void anOpenCircuitSkipsTheChannelWithoutCallingIt() {
        circuitBreakers.circuitBreaker("sms").transitionToOpenState();

        Delivery delivery = courier.deliver("e-1:ACKNOWLEDGEMENT", PREFERS_SMS, MESSAGE);

        assertThat(smsCalls).hasValue(0);
        assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.failures()).isEqualTo("SMS: circuit breaker is open");
    }

    @Test
    void whenNoChannelTakesTheMessageTheOutcomeSaysWhyWithoutTheAddresses() {
        smsGatewayAnswer = () -> {
            throw new DeliveryFailure("SMS gateway answered 503");
        };
        mailServer.failWith(new MailSendException("550 ada@example.com: mailbox unavailable"));

        Delivery delivery = courier.deliver("e-1:ACKNOWLEDGEMENT", PREFERS_SMS, MESSAGE);

        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivery.attempts()).isEqualTo(6);
        assertThat(delivery.failures())
                .isEqualTo("SMS: SMS gateway answered 503; EMAIL: mail server did not take the message "
                        + "(MailSendException)")
                .doesNotContain("ada@").doesNotContain("7700900");
    }

    @Test
    void anEmailGreetsTheCustomerByNameAndKeepsItsMessageIdAcrossResends() throws Exception {
        Contact prefersEmail = new Contact("Ada Lovelace", "ada@example.com", null, Channel.EMAIL);

        Delivery first = courier.deliver("e-1:RESOLVED", prefersEmail, MESSAGE);
        Delivery again = courier.deliver("e-1:RESOLVED", prefersEmail, MESSAGE);

        MimeMessage email = mailServer.sent.getFirst();
        assertThat(((InternetAddress) email.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Ada Lovelace");
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("support@tandem.local");
        assertThat(email.getSubject()).isEqualTo("[TDM-7KQ2M9] Subject");
        assertThat(email.getMessageID()).isEqualTo("<e-1.RESOLVED@tandem.notification>");
        assertThat(((Delivery.Sent) first).providerMessageId()).isEqualTo(((Delivery.Sent) again).providerMessageId())
                .isEqualTo("<e-1.RESOLVED@tandem.notification>");
    }

    /** A mail sender whose server keeps what it is given, or refuses it. */
    private static final class RecordingMailServer extends JavaMailSenderImpl {

        final List<MimeMessage> sent = new ArrayList<>();
        private MailException failure;

        void failWith(MailException failure) {
            this.failure = failure;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originalMessages) {
            if (failure != null) {
                throw failure;
            }
            for (MimeMessage message : messages) {
                try {
                    String messageId = message.getMessageID();
                    message.saveChanges();
                    message.setHeader("Message-ID", messageId);
                } catch (jakarta.mail.MessagingException e) {
                    throw new MailSendException("could not prepare", e);
                }
                sent.add(message);
            }
        }
    }
}

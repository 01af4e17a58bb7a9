package dev.tandem.notification.channel;

import dev.tandem.contracts.Channel;
import dev.tandem.notification.template.CustomerMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gets one message to a customer: on the preferred channel, else on the other one (see {@link ChannelPlan}).
 * Every provider call goes through the channel's Resilience4j instances, named after the channel in
 * lower case ({@code email}, {@code sms}) and configured under {@code resilience4j.*} in
 * {@code application.yaml}: a retry with exponential backoff around a circuit breaker, and for SMS a rate
 * limiter inside that. A channel that fails after its retries, or whose circuit is open, hands over to the next.
 */
@Component
public class Courier {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);

    private final EmailSender email;
    private final SmsGateway sms;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;

    Courier(EmailSender email, SmsGateway sms, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
            RateLimiterRegistry rateLimiters) {
        this.email = email;
        this.sms = sms;
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.rateLimiters = rateLimiters;
    }

    /**
     * Sends the message and says how it went; never throws for a provider's failure.
     *
     * @param notificationId names the message in logs and in its email Message-ID
     */
    public Delivery deliver(String notificationId, Contact contact, CustomerMessage message) {
        List<Channel> plan = ChannelPlan.forContact(contact);
        List<String> failures = new ArrayList<>();
        int attempts = 0;
        for (Channel channel : plan) {
            AtomicInteger calls = new AtomicInteger();
            try {
                String providerMessageId = guarded(channel, () -> {
                    calls.incrementAndGet();
                    return send(channel, notificationId, contact, message);
                });
                attempts += calls.get();
                log.info("Notification {} sent by {} after {} provider call(s)", notificationId, channel, attempts);
                return new Delivery.Sent(channel, Masking.address(channel, contact.address(channel)),
                        providerMessageId, attempts, joined(failures));
            } catch (RuntimeException e) {
                attempts += calls.get();
                String reason = reason(e);
                failures.add(channel + ": " + reason);
                log.warn("Notification {} not sent by {} after {} call(s): {}", notificationId, channel, calls.get(),
                        reason);
            }
        }
        if (plan.isEmpty()) {
            failures.add("the customer has no address on any channel");
        }
        Channel last = plan.isEmpty() ? Channel.EMAIL : plan.getLast();
        return new Delivery.Failed(last, Masking.address(last, contact.address(last)), attempts, joined(failures));
    }

    /** The channel a message to this contact goes to first. */
    public Channel firstChoice(Contact contact) {
        List<Channel> plan = ChannelPlan.forContact(contact);
        return plan.isEmpty() ? Channel.EMAIL : plan.getFirst();
    }

    private String send(Channel channel, String notificationId, Contact contact, CustomerMessage message) {
        return switch (channel) {
            case EMAIL -> email.send(messageId(notificationId), contact.email(), contact.name(), message.subject(),
                    message.body());
            case SMS -> sms.send(contact.phone(), message.sms());
        };
    }

    /** Retry ( CircuitBreaker ( RateLimiter ( call ) ) ): Resilience4j's own order for its annotations. */
    private String guarded(Channel channel, Supplier<String> call) {
        String instance = channel.name().toLowerCase(Locale.ROOT);
        Supplier<String> limited = channel == Channel.SMS
                ? RateLimiter.decorateSupplier(rateLimiters.rateLimiter(instance), call)
                : call;
        Supplier<String> broken = CircuitBreaker.decorateSupplier(circuitBreakers.circuitBreaker(instance), limited);
        return Retry.decorateSupplier(retries.retry(instance), broken).get();
    }

    /** Our own words only: a provider's exception message may hold the address it failed to reach. */
    private static String reason(RuntimeException e) {
        return switch (e) {
            case DeliveryFailure failure -> failure.getMessage();
            case CallNotPermittedException open -> "circuit breaker is open";
            case RequestNotPermitted limited -> "rate limit reached";
            default -> "unexpected " + e.getClass().getSimpleName();
        };
    }

    /** A Message-ID must be a dot-atom: the notification id with its colon turned into a dot. */
    private static String messageId(String notificationId) {
        return "<" + notificationId.replace(':', '.') + "@tandem.notification>";
    }

    private static String joined(List<String> failures) {
        return failures.isEmpty() ? null : String.join("; ", failures);
    }
}

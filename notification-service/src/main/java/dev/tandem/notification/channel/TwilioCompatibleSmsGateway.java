package dev.tandem.notification.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends SMS through a gateway that speaks the Twilio Messages API: a form POST to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with {@code To}, {@code From} and {@code Body},
 * HTTP basic authentication with the account sid and auth token, and the message's {@code sid} in the JSON
 * answer. Twilio itself, and the many gateways and local fakes that copy its API, fit here.
 */
@Component
class TwilioCompatibleSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(TwilioCompatibleSmsGateway.class);
    private static final String MESSAGES = "/2010-04-01/Accounts/{accountSid}/Messages.json";

    private final RestClient http;
    private final String accountSid;
    private final String from;

    TwilioCompatibleSmsGateway(RestClient.Builder builder, ChannelProperties properties) {
        ChannelProperties.Sms sms = properties.sms();
        this.accountSid = sms.accountSid();
        this.from = sms.from();
        this.http = builder.clone()
                .baseUrl(sms.baseUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.simple()
                        .build(HttpClientSettings.defaults().withTimeouts(sms.connectTimeout(), sms.readTimeout())))
                .defaultHeaders(headers -> headers.setBasicAuth(sms.accountSid(), sms.authToken()))
                .build();
    }

    @Override
    public String send(String to, String text) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        form.add("From", from);
        form.add("Body", text);
        MessageResource message;
        try {
            message = http.post()
                    .uri(MESSAGES, accountSid)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(MessageResource.class);
        } catch (RestClientResponseException e) {
            // the gateway's error body may quote the number: only the status goes on
            throw failure(e.getStatusCode());
        } catch (RestClientException e) {
            throw new DeliveryFailure("SMS gateway not reachable (" + e.getClass().getSimpleName() + ")");
        }
        if (message == null || message.sid() == null || message.sid().isBlank()) {
            throw new DeliveryFailure("SMS gateway answered without a message sid");
        }
        log.debug("SMS gateway took the message as {}", message.sid());
        return message.sid();
    }

    private static DeliveryFailure failure(HttpStatusCode status) {
        String reason = "SMS gateway answered " + status.value();
        boolean worthRetrying = status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()
                || status.value() == HttpStatus.REQUEST_TIMEOUT.value();
        return worthRetrying ? new DeliveryFailure(reason) : new DeliveryRejected(reason);
    }

    /** The part of Twilio's Message resource we read; the rest is ignored. */
    record MessageResource(String sid, String status) {
    }
}

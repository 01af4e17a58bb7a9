package dev.tandem.notification.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reaches its providers. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param mail email
 * @param sms  SMS, through a gateway with the Twilio Messages API
 */
@Validated
@ConfigurationProperties("tandem.notification")
record ChannelProperties(@DefaultValue @NotNull @Valid Mail mail, @DefaultValue @NotNull @Valid Sms sms) {

    /**
     * Email.
     *
     * @param from the sender customers see
     */
    record Mail(@DefaultValue("Tandem Support <support@tandem.local>") @NotBlank String from) {
    }

    /**
     * SMS, through a gateway with the Twilio Messages API. The defaults reach the local stack's stand-in.
     *
     * @param baseUrl        where the gateway's API is: {@code https://api.twilio.com} for Twilio itself
     * @param accountSid     the account, and the user name of HTTP basic authentication
     * @param authToken      the password of HTTP basic authentication; a secret outside development
     * @param from           the sender number customers see (E.164)
     * @param connectTimeout how long to wait for a connection to the gateway
     * @param readTimeout    how long to wait for the gateway's answer once connected
     */
    record Sms(@DefaultValue("http://localhost:8025") @NotNull URI baseUrl,
               @DefaultValue("AC00000000000000000000000000000000") @NotBlank String accountSid,
               @DefaultValue("local") @NotBlank String authToken,
               @DefaultValue("+15005550006") @NotBlank String from,
               @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
               @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration readTimeout) {

        /** Never the token in clear, should these settings ever be printed. */
        @Override
        public String toString() {
            return "Sms[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***, from=" + from
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }
}

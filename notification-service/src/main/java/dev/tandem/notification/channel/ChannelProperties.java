package dev.tandem.notification.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reaches its providers; the defaults and what each setting means are in
 * {@code application.yaml}.
 */
@Validated
@ConfigurationProperties("tandem.notification")
record ChannelProperties(@NotNull @Valid Mail mail, @NotNull @Valid Sms sms) {

    /** @param from the sender customers see, such as {@code Tandem Support <support@tandem.local>} */
    record Mail(@NotBlank String from) {
    }

    /** A gateway with the Twilio Messages API. */
    record Sms(@NotNull URI baseUrl, @NotBlank String accountSid, @NotBlank String authToken, @NotBlank String from,
               @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {

        /** Never the token in clear, should these settings ever be printed. */
        @Override
        public String toString() {
            return "Sms[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***, from=" + from
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }
}

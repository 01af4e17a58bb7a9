package dev.tandem.local;

import java.time.Instant;

/** One text message posted to the SMS gateway stand-in. */
public record ReceivedSms(String sid, String to, String from, String body, Instant receivedAt) {
}

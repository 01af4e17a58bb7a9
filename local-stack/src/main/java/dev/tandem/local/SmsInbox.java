package dev.tandem.local;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** The text messages the SMS gateway stand-in accepted, in the order they arrived. */
final class SmsInbox {

    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final Clock clock;

    SmsInbox(Clock clock) {
        this.clock = clock;
    }

    ReceivedSms accept(String to, String from, String body) {
        ReceivedSms sms = new ReceivedSms(newSid(), to, from, body, clock.instant());
        received.add(sms);
        return sms;
    }

    List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    // Twilio's message ids: "SM" and 32 hex digits
    private static String newSid() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return "SM" + HexFormat.of().formatHex(id);
    }
}

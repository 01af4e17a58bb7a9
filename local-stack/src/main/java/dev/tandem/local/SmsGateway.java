package dev.tandem.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with the form
 * fields To, From and Body. Credentials are accepted without checking; the message lands in the SMS inbox.
 */
final class SmsGateway {

    static final String PATH_PREFIX = "/2010-04-01/Accounts/";
    private static final Pattern MESSAGES_PATH = Pattern.compile(Pattern.quote(PATH_PREFIX) + "([^/]+)/Messages\\.json");

    private final SmsInbox inbox;

    SmsGateway(SmsInbox inbox) {
        this.inbox = inbox;
    }

    /** Answers a POST to {@code path}: 404 unless it is the Messages resource, 400 for an incomplete message. */
    Response send(String path, String formBody) {
        Matcher messages = MESSAGES_PATH.matcher(path);
        if (!messages.matches()) {
            return Response.notFound();
        }
        Map<String, String> form = parseForm(formBody);
        String to = form.getOrDefault("To", "");
        String body = form.getOrDefault("Body", "");
        // Twilio's own error codes and wording, so a client's error handling meets what production sends
        if (to.isBlank()) {
            return error(21604, "A 'To' phone number is required.");
        }
        if (body.isBlank()) {
            return error(21602, "Message body is required.");
        }
        ReceivedSms sms = inbox.accept(to, form.getOrDefault("From", ""), body);
        return Response.json(201, Json.object()
                .field("sid", sms.sid())
                .field("account_sid", messages.group(1))
                .field("status", "queued")
                .field("to", sms.to())
                .field("from", sms.from())
                .field("body", sms.body())
                .end());
    }

    private static Response error(int code, String message) {
        return Response.json(400, Json.object()
                .field("code", code)
                .field("message", message)
                .field("more_info", "https://www.twilio.com/docs/errors/" + code)
                .field("status", 400)
                .end());
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.putIfAbsent(decode(name), decode(value));
            }
        }
        return form;
    }

    private static String decode(String formEncoded) {
        return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
    }
}

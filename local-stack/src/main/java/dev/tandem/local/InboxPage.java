package dev.tandem.local;

import java.util.List;
import java.util.stream.Collectors;

/** A plain HTML page with the received mail and text messages, newest first, for a person at a browser. */
final class InboxPage {

    private InboxPage() {
    }

    static String render(List<ReceivedMail> mail, List<ReceivedSms> sms) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="refresh" content="5">
                <title>Tandem local inbox</title>
                <style>
                  body { font-family: sans-serif; margin: 2em; }
                  table { border-collapse: collapse; width: 100%%; margin-bottom: 2em; }
                  th, td { border: 1px solid #ccc; padding: .4em; text-align: left; vertical-align: top; }
                  td.text { white-space: pre-wrap; }
                </style>
                </head>
                <body>
                <h1>Mail (%d)</h1>
                <table>
                <tr><th>Received</th><th>To</th><th>From</th><th>Subject</th><th>Body</th></tr>
                %s
                </table>
                <h1>SMS (%d)</h1>
                <table>
                <tr><th>Received</th><th>To</th><th>From</th><th>Body</th></tr>
                %s
                </table>
                <p>As JSON: <a href="/mail">/mail</a>, <a href="/sms">/sms</a></p>
                </body>
                </html>
                """.formatted(mail.size(), mailRows(mail), sms.size(), smsRows(sms));
    }

    private static String mailRows(List<ReceivedMail> mail) {
        return mail.reversed().stream()
                .map(m -> row(m.receivedAt().toString(), m.to(), m.from(), m.subject(), m.body()))
                .collect(Collectors.joining("\n"));
    }

    private static String smsRows(List<ReceivedSms> sms) {
        return sms.reversed().stream()
                .map(s -> row(s.receivedAt().toString(), s.to(), s.from(), s.body()))
                .collect(Collectors.joining("\n"));
    }

    // the last cell is the free text, where line breaks are kept
    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (int i = 0; i < cells.length; i++) {
            row.append(i == cells.length - 1 ? "<td class=\"text\">" : "<td>").append(escape(cells[i])).append("</td>");
        }
        return row.append("</tr>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

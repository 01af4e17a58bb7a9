package dev.tandem.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An SMTP server in the launcher's JVM that accepts mail for any recipient, from any sender, with any login. */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, Endpoints.HOST, ServerSetup.PROTOCOL_SMTP));
        // GreenMail creates a mailbox for every new recipient; this also lets any username and password log in
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    /** Every mail received since start, one entry per recipient, oldest first. */
    List<ReceivedMail> received() {
        ImapHostManager mailboxes = greenMail.getManagers().getImapHostManager();
        List<ReceivedMail> mail = new ArrayList<>();
        try {
            for (GreenMailUser recipient : greenMail.getUserManager().listUser()) {
                // a copy: the inbox's list is synchronized, and taking it whole holds the lock that iterating lacks
                for (StoredMessage message : List.copyOf(mailboxes.getInbox(recipient).getMessages())) {
                    mail.add(toReceivedMail(recipient.getEmail(), message));
                }
            }
        } catch (FolderException | MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the received mail", e);
        }
        mail.sort(Comparator.comparing(ReceivedMail::receivedAt));
        return mail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static ReceivedMail toReceivedMail(String recipient, StoredMessage stored) throws MessagingException, IOException {
        MimeMessage message = stored.getMimeMessage();
        return new ReceivedMail(
                recipient,
                addresses(message.getFrom()),
                Objects.requireNonNullElse(message.getSubject(), ""),
                MailText.of(message),
                stored.getReceivedDate().toInstant());
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
                .collect(Collectors.joining(", "));
    }
}

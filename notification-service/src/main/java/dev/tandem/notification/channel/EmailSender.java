package dev.tandem.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends plain-text email through the SMTP server configured under {@code spring.mail}. */
@Component
class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, ChannelProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
    }

    /**
     * Hands one email to the mail server.
     *
     * @param messageId the Message-ID to give it; the same notification always gets the same one, so that a
     *                  resend after a crash can be recognised as the same message by mail clients
     * @return the Message-ID
     */
    String send(String messageId, String to, String name, String subject, String body) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(to, name, StandardCharsets.UTF_8.name()));
            helper.setSubject(subject);
            helper.setText(body);
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new DeliveryRejected("email could not be composed (" + e.getClass().getSimpleName() + ")");
        }
        try {
            mail.send(message);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("mail server refused our credentials");
        } catch (MailSendException e) {
            if (refusedTheAddress(e)) {
                throw new DeliveryRejected("mail server refused the recipient address");
            }
            throw new DeliveryFailure("mail server did not take the message (" + e.getClass().getSimpleName() + ")");
        } catch (MailException e) {
            throw new DeliveryFailure("mail server not reachable (" + e.getClass().getSimpleName() + ")");
        }
        return messageId;
    }

    private static boolean refusedTheAddress(MailSendException e) {
        return Arrays.stream(e.getMessageExceptions())
                .filter(SendFailedException.class::isInstance)
                .map(SendFailedException.class::cast)
                .map(SendFailedException::getInvalidAddresses)
                .filter(Objects::nonNull)
                .anyMatch(invalid -> invalid.length > 0);
    }
}

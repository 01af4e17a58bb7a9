package dev.tandem.feedback.checkin;

import dev.tandem.platform.web.StateConflictException;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The page a check-in link opens, for people rather than front ends: the question as a plain HTML form that
 * works without JavaScript, answered the same way as through the API, and like it without a login.
 */
@Controller
@SecurityRequirements
@RequestMapping("/check-ins/{token}")
class CheckInPage {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** Nothing but this page's own inline style; it may post only back to itself and never be framed. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final CheckIns checkIns;
    private final Validator validator;

    CheckInPage(CheckIns checkIns, Validator validator) {
        this.checkIns = checkIns;
        this.validator = validator;
    }

    @GetMapping
    @ResponseBody
    ResponseEntity<String> show(@PathVariable String token) {
        try {
            CheckIn checkIn = checkIns.open(token);
            return checkIn.status() == CheckInStatus.ANSWERED
                    ? page(HttpStatus.OK, CheckInPages.alreadyAnswered())
                    : page(HttpStatus.OK, CheckInPages.form(checkIn.agentName(), null, List.of()));
        } catch (InvalidCheckInLinkException e) {
            return page(HttpStatus.NOT_FOUND, CheckInPages.invalidLink());
        } catch (CheckInExpiredException e) {
            return page(HttpStatus.GONE, CheckInPages.expired());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseBody
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String csat,
                                  @RequestParam(required = false) String comment) {
        try {
            CheckIn checkIn = checkIns.open(token);
            if (checkIn.status() == CheckInStatus.ANSWERED) {
                return page(HttpStatus.CONFLICT, CheckInPages.alreadyAnswered());
            }
            AnswerCheckIn answer = new AnswerCheckIn(score(csat), comment);
            Set<ConstraintViolation<AnswerCheckIn>> violations = validator.validate(answer);
            if (!violations.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, CheckInPages.form(checkIn.agentName(), comment,
                        violations.stream().map(CheckInPage::forPeople).distinct().sorted().toList()));
            }
            checkIns.answer(checkIn, answer);
            return page(HttpStatus.OK, CheckInPages.thankYou());
        } catch (InvalidCheckInLinkException e) {
            return page(HttpStatus.NOT_FOUND, CheckInPages.invalidLink());
        } catch (CheckInExpiredException e) {
            return page(HttpStatus.GONE, CheckInPages.expired());
        } catch (StateConflictException e) {
            return page(HttpStatus.CONFLICT, CheckInPages.alreadyAnswered());
        }
    }

    /** A number the form sent, or null for none or anything else, which validation then names. */
    private static Integer score(String csat) {
        try {
            return csat == null ? null : Integer.valueOf(csat.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String forPeople(ConstraintViolation<AnswerCheckIn> violation) {
        return violation.getPropertyPath().toString().equals("comment")
                ? "Your comment can be at most 2000 characters long."
                : "Please choose a number from 1 to 5.";
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        // the address holds the token: keep it out of caches and of Referer headers sent to other sites
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }
}

package dev.tandem.feedback.checkin;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check-in API for front ends. There is no login: the signed token from the customer's link is what grants
 * reading and answering that one check-in, so the API description asks for no bearer token here.
 */
@RestController
@SecurityRequirements
@RequestMapping("/api/check-ins/{token}")
class CheckInController {

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @GetMapping
    CheckInView get(@PathVariable String token) {
        return CheckInView.of(checkIns.open(token));
    }

    /** Records the one answer the check-in takes; a second one is a conflict. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AnswerView answer(@PathVariable String token, @Valid @RequestBody AnswerCheckIn body) {
        return AnswerView.of(checkIns.answer(checkIns.open(token), body));
    }
}

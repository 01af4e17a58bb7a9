package dev.tandem.feedback.csat;

import dev.tandem.feedback.checkin.AnsweredCheckIns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** CSAT per agent, for supervisors' consoles, recognition and each agent's own view. */
@RestController
class AgentCsatController {

    private final AnsweredCheckIns answers;

    AgentCsatController(AnsweredCheckIns answers) {
        this.answers = answers;
    }

    /**
     * An agent's CSAT over the answers given in a period, all time by default.
     *
     * @param from first day (UTC) whose answers count, inclusive
     * @param to   last day (UTC) whose answers count, inclusive
     */
    @GetMapping("/api/agents/{agentId}/csat")
    Csat csat(@PathVariable String agentId,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
        }
        Instant until = to == null ? null : startOf(to.plusDays(1));
        return Csat.of(agentId, answers.countByScore(agentId, startOf(from), until));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

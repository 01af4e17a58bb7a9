package dev.tandem.feedback.checkin;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages a customer sees when they follow a check-in link. Everything that comes from outside this class
 * is escaped before it is printed. The form has no {@code action}: it posts back to the link it was opened from,
 * so the page never prints the token.
 */
final class CheckInPages {

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title>
            <style>
            body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }
            fieldset { border: none; padding: 0; margin: 0; }
            legend { font-size: 1.25rem; font-weight: bold; margin-bottom: 0.5rem; }
            textarea { display: block; box-sizing: border-box; width: 100%%; margin: 0.25rem 0 1rem; font: inherit; }
            button { font: inherit; margin: 0 0.5rem 0.5rem 0; padding: 0.5rem 0.75rem; cursor: pointer; }
            .error { color: #a00; font-weight: bold; }
            </style>
            </head>
            <body>
            <main>
            <h1>%s</h1>
            %s
            </main>
            </body>
            </html>
            """;

    private static final String FORM = """
            <p>%s looked after your request. Your answer helps them and us do better.</p>
            %s<form method="post">
            <fieldset>
            <legend>%s</legend>
            <label for="comment">Anything you would like to add? (optional)</label>
            <textarea id="comment" name="comment" rows="4" maxlength="2000"%s>%s</textarea>
            <p id="scale">Choose from 1 (very dissatisfied) to 5 (very satisfied). Choosing a number sends your answer.</p>
            <div role="group" aria-describedby="scale">
            <button type="submit" name="csat" value="1">1 – Very dissatisfied</button>
            <button type="submit" name="csat" value="2">2 – Dissatisfied</button>
            <button type="submit" name="csat" value="3">3 – Neither</button>
            <button type="submit" name="csat" value="4">4 – Satisfied</button>
            <button type="submit" name="csat" value="5">5 – Very satisfied</button>
            </div>
            </fieldset>
            </form>
            """;

    private CheckInPages() {
    }

    /**
     * The question, with what was wrong with an earlier attempt, if anything.
     *
     * @param comment what the customer wrote before, to keep it; may be null
     * @param errors  messages for the customer; empty on the first visit
     */
    static String form(String agentName, String comment, Collection<String> errors) {
        String who = agentName == null || agentName.isBlank() ? "Our team" : agentName;
        String problems = errors.isEmpty() ? "" : errors.stream()
                .map(error -> "<p class=\"error\">" + escape(error) + "</p>")
                .collect(Collectors.joining("\n", "<div role=\"alert\">\n", "\n</div>\n"));
        String invalid = errors.isEmpty() ? "" : " aria-invalid=\"true\"";
        return page("How did we do?", FORM.formatted(escape(who), problems, escape(CheckIn.QUESTION), invalid,
                comment == null ? "" : escape(comment)));
    }

    static String thankYou() {
        return page("Thank you", "<p>We have your answer. Thank you for taking the time to tell us how we did.</p>");
    }

    static String alreadyAnswered() {
        return page("Already answered",
                "<p>This check-in has already been answered, so we kept the first answer. Thank you!</p>");
    }

    static String expired() {
        return page("This check-in has expired",
                "<p>The time to answer this check-in is over. Thank you all the same.</p>");
    }

    static String invalidLink() {
        return page("This link does not work",
                "<p>We could not find a check-in for this link. Please check that you opened the whole link from"
                        + " our message.</p>");
    }

    private static String page(String title, String body) {
        return LAYOUT.formatted(escape(title), escape(title), body);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

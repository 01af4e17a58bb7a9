package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInPagesTest {

    @Test
    void theFormOffersFiveAnswersAndALabelledCommentBoxInEnglish() {
        String page = CheckInPages.form("Grace", null, List.of());

        assertThat(page).contains("<html lang=\"en\">", "<form method=\"post\">",
                "<label for=\"comment\">", "<textarea id=\"comment\" name=\"comment\"", CheckIn.QUESTION,
                "Grace looked after your request");
        for (int score = 1; score <= 5; score++) {
            assertThat(page).contains("<button type=\"submit\" name=\"csat\" value=\"" + score + "\">");
        }
        assertThat(page).doesNotContain("role=\"alert\"");
    }

    @Test
    void escapesWhateverItPrints() {
        String page = CheckInPages.form("<script>alert(1)</script>", "</textarea><b>\"bold\"</b> & co",
                List.of("Please choose a number from 1 to 5."));

        assertThat(page).doesNotContain("<script>", "</textarea><b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; looked after your request")
                .contains("&lt;/textarea&gt;&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co</textarea>")
                .contains("role=\"alert\"", "Please choose a number from 1 to 5.", "aria-invalid=\"true\"");
    }
}

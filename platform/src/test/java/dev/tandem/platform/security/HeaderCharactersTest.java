package dev.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The character-by-character checks decide exactly as Spring Security's own expressions do. */
class HeaderCharactersTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsExpressionsJudgeIt() {
        List<String> different = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .mapToObj(codePoint -> "a" + Character.toString(codePoint) + "z")
                .filter(text -> HeaderCharacters.NAMES.test(text) != NAME.matcher(text).matches()
                        || HeaderCharacters.VALUES.test(text) != VALUE.matcher(text).matches())
                .map(text -> Integer.toHexString(text.codePointAt(1)))
                .toList();

        assertThat(different).as("code points judged otherwise").isEmpty();
    }

    @Test
    void loneSurrogatesAndTabsAsTheExpressionsHaveThem() {
        for (String text : new String[] {"", "\t", "Bearer\teyJ", "\uD800", "x\uDC00", "\uD83D\uDE00", "caf\u00e9",
                "line\r\nbreak", "\u0000", "\u007f", "\u0085"}) {
            assertSameVerdict(HeaderCharacters.NAMES, NAME, text);
            assertSameVerdict(HeaderCharacters.VALUES, VALUE, text);
        }
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\r\nb")).isFalse();
    }

    private static void assertSameVerdict(Predicate<String> check, Pattern expression, String text) {
        assertThat(check.test(text)).as("%s on U+%s", expression, text.codePoints()
                .mapToObj(Integer::toHexString).toList()).isEqualTo(expression.matcher(text).matches());
    }
}

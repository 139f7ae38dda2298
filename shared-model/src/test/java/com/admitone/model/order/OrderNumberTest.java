package com.admitone.model.order;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderNumberTest {

    @Test
    void alphabetHasNoLookAlikes() {
        assertThat(OrderNumber.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U");
        assertThat(OrderNumber.ALPHABET.chars().distinct().count()).isEqualTo(OrderNumber.ALPHABET.length());
        assertThat(OrderNumber.ALPHABET).hasSize(30).matches("[2-9A-Z]+");
    }

    @Test
    void nextHasSevenCharactersWithADashInTheMiddle() {
        String number = OrderNumber.next();
        assertThat(number).hasSize(7);
        assertThat(number.charAt(3)).isEqualTo('-');
        for (int i = 0; i < 7; i++) {
            if (i != 3) {
                assertThat(OrderNumber.ALPHABET).contains(String.valueOf(number.charAt(i)));
            }
        }
        assertThat(OrderNumber.isWellFormed(number)).isTrue();
    }

    @Test
    void tenThousandNumbersAreWellFormedMostlyUniqueAndUseTheWholeAlphabet() {
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String number = OrderNumber.next();
            assertThat(OrderNumber.isWellFormed(number)).as(number).isTrue();
            assertThat(OrderNumber.normalise(number)).isEqualTo(number);
            seen.add(number);
            for (char c : number.toCharArray()) {
                if (c != '-') {
                    counts.merge(c, 1, Integer::sum);
                }
            }
        }
        // 30^6 = 729 million possible numbers: 10,000 of them collide less than once on average.
        assertThat(seen).hasSizeGreaterThanOrEqualTo(9_990);
        // 60,000 characters over 30 symbols: about 2,000 each; a symbol below 1,500 means a skewed generator.
        assertThat(counts).hasSize(30);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1_500, 2_500));
    }

    @Test
    void normalisesWhatStaffTypeOrReadOut() {
        assertThat(OrderNumber.normalise("k7q 3mx")).isEqualTo("K7Q-3MX");
        assertThat(OrderNumber.normalise("K7Q-3MX")).isEqualTo("K7Q-3MX");
        assertThat(OrderNumber.normalise("k7q3mx")).isEqualTo("K7Q-3MX");
        assertThat(OrderNumber.normalise("  K7Q-3MX \n")).isEqualTo("K7Q-3MX");
        assertThat(OrderNumber.normalise("K 7 Q 3 M X")).isEqualTo("K7Q-3MX");
        assertThat(OrderNumber.normalise("k7q_3mx")).isEqualTo("K7Q-3MX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7O-3MX", "K7Q-3M", "K7Q-3MXA", "hello", "", "  K1Q-3MX  "})
    void normaliseLeavesWhatItCannotReadAloneApartFromSpaceAround(String typed) {
        String normalised = OrderNumber.normalise(typed);
        assertThat(normalised).isEqualTo(typed.trim());
        assertThat(OrderNumber.isWellFormed(normalised)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "K7Q3MX",      // no dash
            "K7Q-3MXX",    // too long
            "K7Q-3M",      // too short
            "K7-Q3MX",     // dash in the wrong place
            "k7q-3mx",     // lower case (normalise first)
            "K0Q-3MX",     // zero
            "KOQ-3MX",     // letter O
            "K1Q-3MX",     // one
            "KIQ-3MX",     // letter I
            "KLQ-3MX",     // letter L
            "KUQ-3MX",     // letter U
            "K7Q 3MX",     // space instead of dash
            "K7Q--MX",     // second dash
            " K7Q-3MX",    // untrimmed
            "K7Q-3MÄ",     // not ASCII
    })
    void malformedNumbersAreRejected(String value) {
        assertThat(OrderNumber.isWellFormed(value)).isFalse();
    }

    @Test
    void wellFormedNumbersAreAccepted() {
        assertThat(OrderNumber.isWellFormed("K7Q-3MX")).isTrue();
        assertThat(OrderNumber.isWellFormed("222-222")).isTrue();
        assertThat(OrderNumber.isWellFormed("ZZZ-999")).isTrue();
    }
}

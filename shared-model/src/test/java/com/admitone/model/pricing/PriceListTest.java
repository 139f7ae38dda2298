package com.admitone.model.pricing;

import com.admitone.model.money.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceListTest {

    private static PriceList sample() {
        return new PriceList("GBP", Map.of(
                "stalls", Map.of(PriceType.ADULT, 2500L, PriceType.CHILD, 1250L, PriceType.COMPLIMENTARY, 0L),
                "circle", Map.of(PriceType.ADULT, 1800L)));
    }

    @Test
    void pricesAZoneAndType() {
        PriceList list = sample();
        assertThat(list.price("stalls", PriceType.ADULT)).contains(Money.of(2500, "GBP"));
        assertThat(list.price("stalls", PriceType.CHILD)).contains(Money.of(1250, "GBP"));
        assertThat(list.price("circle", PriceType.ADULT)).contains(Money.of(1800, "GBP"));
    }

    @Test
    void aFreeTicketHasAPriceOfZeroNotNoPrice() {
        assertThat(sample().price("stalls", PriceType.COMPLIMENTARY)).contains(Money.zero("GBP"));
    }

    @Test
    void unknownZoneOrUnpricedTypeHasNoPrice() {
        PriceList list = sample();
        assertThat(list.price("balcony", PriceType.ADULT)).isEmpty();
        assertThat(list.price("circle", PriceType.CHILD)).isEmpty();
        assertThat(new PriceList("GBP", Map.of()).price("stalls", PriceType.ADULT)).isEmpty();
    }

    @Test
    void isUnaffectedByLaterChangesToTheMapsItWasBuiltFrom() {
        Map<PriceType, Long> stalls = new EnumMap<>(PriceType.class);
        stalls.put(PriceType.ADULT, 2500L);
        Map<String, Map<PriceType, Long>> zones = new HashMap<>();
        zones.put("stalls", stalls);
        PriceList list = new PriceList("GBP", zones);

        zones.put("circle", Map.of(PriceType.ADULT, 1L));
        stalls.put(PriceType.ADULT, 1L);
        stalls.put(PriceType.CHILD, 1L);

        assertThat(list.price("circle", PriceType.ADULT)).isEmpty();
        assertThat(list.price("stalls", PriceType.ADULT)).contains(Money.of(2500, "GBP"));
        assertThat(list.price("stalls", PriceType.CHILD)).isEmpty();
    }

    @Test
    void cannotBeChangedThroughItsAccessor() {
        PriceList list = sample();
        assertThatThrownBy(() -> list.minorByZone().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.minorByZone().get("stalls").put(PriceType.ADULT, 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalListsAreEqual() {
        assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample());
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PriceList list = sample();
        String text = json.writeValueAsString(list);
        assertThat(json.readTree(text).at("/minorByZone/stalls/CHILD").asLong()).isEqualTo(1250);
        PriceList back = json.readValue(text, PriceList.class);
        assertThat(back).isEqualTo(list);
        assertThat(back.price("stalls", PriceType.CHILD)).contains(Money.of(1250, "GBP"));
    }

    @Test
    void priceTypeCodesAreTheTokenFormatAndNeverReordered() {
        // The code is written into every ticket token: these numbers must never change.
        PriceType[] expected = {PriceType.ADULT, PriceType.CHILD, PriceType.CONCESSION, PriceType.STUDENT,
                PriceType.TEACHER, PriceType.SENIOR, PriceType.COMPLIMENTARY, PriceType.FAMILY, PriceType.GROUP};
        for (int code = 0; code < expected.length; code++) {
            assertThat(expected[code].code()).isEqualTo(code);
            assertThat(PriceType.fromCode(code)).isEqualTo(expected[code]);
        }
        assertThatThrownBy(() -> PriceType.fromCode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceType.fromCode(PriceType.values().length)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void priceTypeLabels() {
        assertThat(PriceType.ADULT.label()).isEqualTo("Adult");
        assertThat(PriceType.COMPLIMENTARY.label()).isEqualTo("Complimentary");
    }
}

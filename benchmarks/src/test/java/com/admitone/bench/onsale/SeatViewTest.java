package com.admitone.bench.onsale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SeatViewTest {
    private static final String DOC = """
            {"performanceId":3,"currency":"GBP","seats":[
             {"id":1,"label":"A1","section":"Stalls","row":"A","number":1,"zone":"A","state":"FREE"},
             {"id":2,"label":"A2","section":"Stalls","row":"A","number":2,"zone":"A","state":"FREE"},
             {"id":3,"label":"A3","section":"Stalls","row":"A","number":3,"zone":"A","state":"SOLD"},
             {"id":4,"label":"A4","section":"Stalls","row":"A","number":4,"zone":"A","state":"FREE"},
             {"id":5,"label":"A6","section":"Stalls","row":"A","number":6,"zone":"A","state":"FREE"},
             {"id":6,"label":"B1","section":"Stalls","row":"B","number":1,"zone":"B","state":"FREE"},
             {"id":7,"label":"B2","section":"Stalls","row":"B","number":2,"zone":"B","state":"FREE"},
             {"id":8,"label":"B3","section":"Stalls","row":"B","number":3,"zone":"B","state":"FREE"},
             {"id":9,"label":"A1","section":"Circle","row":"A","number":1,"zone":"B","state":"FREE"}],
             "areas":[],
             "prices":[{"zone":"A","priceType":"ADULT","minor":4500},{"zone":"B","priceType":"ADULT","minor":3000},
                       {"zone":"A","priceType":"CHILD","minor":100}]}
            """;

    private final JsonNode doc;
    private final SeatMap map;

    SeatViewTest() throws Exception {
        doc = new ObjectMapper().readTree(DOC);
        map = SeatMap.parse(doc, "ADULT");
    }

    @Test
    void anAisleOnThePlanSplitsARow() throws Exception {
        JsonNode plan = new ObjectMapper().readTree("""
                {"performanceId":3,"seats":[
                 {"id":1,"section":"S","row":"A","number":1,"x":100,"y":10,"zone":"A","state":"FREE"},
                 {"id":2,"section":"S","row":"A","number":2,"x":126,"y":10,"zone":"A","state":"FREE"},
                 {"id":3,"section":"S","row":"A","number":3,"x":182,"y":11,"zone":"A","state":"FREE"},
                 {"id":4,"section":"S","row":"A","number":4,"x":208,"y":11,"zone":"A","state":"FREE"}],
                 "prices":[{"zone":"A","priceType":"ADULT","minor":4500}]}
                """);
        SeatMap aisle = SeatMap.parse(plan, "ADULT");
        assertThat(aisle.runs).hasNumberOfRows(2);
        assertThat(new SeatView(aisle, aisle.freeFlags(plan)).largestBlock()).isEqualTo(2);
    }

    @Test
    void readsPricesAndAdjacency() {
        assertThat(map.size()).isEqualTo(9);
        assertThat(map.priceMinor[map.indexOf(1)]).isEqualTo(4500);
        assertThat(map.priceMinor[map.indexOf(8)]).isEqualTo(3000);
        // Stalls A 1-4 | Stalls A 6 (gap at 5) | Stalls B 1-3 | Circle A 1
        assertThat(map.runs).hasNumberOfRows(4);
    }

    @Test
    void picksOnlyAdjacentFreeSeatsInOneRow() {
        SeatView view = new SeatView(map, map.freeFlags(doc));
        assertThat(view.freeCount()).isEqualTo(8);
        assertThat(view.largestBlock()).isEqualTo(3);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            int[] three = view.pick(3, random);
            assertThat(ids(three)).containsExactly(6L, 7L, 8L);
            int[] two = view.pick(2, random);
            assertThat(two).hasSize(2);
            assertThat(map.seatIds[two[1]] - map.seatIds[two[0]]).isEqualTo(1);
        }
        assertThat(view.pick(4, random)).isNull();

        view.markTaken(new int[]{map.indexOf(7)});
        assertThat(view.largestBlock()).isEqualTo(2);
        assertThat(ids(view.pick(2, random))).containsExactly(1L, 2L);
    }

    private long[] ids(int[] seats) {
        return java.util.Arrays.stream(seats).mapToLong(k -> map.seatIds[k]).toArray();
    }
}

package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static com.admitone.client.ui.boxoffice.seatmap.SampleVenues.circle;
import static com.admitone.client.ui.boxoffice.seatmap.SampleVenues.stalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BestAvailableTest {
    private final List<MapSeat> theatre = SampleVenues.theatre();
    private final Set<Long> taken = new HashSet<>();
    private final Predicate<MapSeat> free = seat -> !taken.contains(seat.id());

    @Test
    void emptyHouseGivesTheMiddleOfTheFrontRow() {
        // Stalls A: seats 1-12 | aisle | 13-25; the house centre line (x 432, boxes included)
        // runs just left of seat 13, so the best pair sits at the aisle on the right.
        assertThat(BestAvailable.find(theatre, free, "PREMIUM", 2)).containsExactly(stalls(0, 13), stalls(0, 14));
    }

    @Test
    void neverStraddlesTheAisle() {
        List<Long> four = BestAvailable.find(theatre, free, "PREMIUM", 4);
        List<MapSeat> seats = theatre.stream().filter(s -> four.contains(s.id())).toList();
        assertThat(seats).allMatch(s -> s.number() >= 13).hasSize(4);
        assertThat(four).containsExactly(stalls(0, 13), stalls(0, 14), stalls(0, 15), stalls(0, 16));
    }

    @Test
    void movesSidewaysBeforeGoingBackARow() {
        taken.add(stalls(0, 11));
        taken.add(stalls(0, 13));
        // 12 is alone (the aisle is not "together"); 14+15 in row A beats 13+14 in row B.
        assertThat(BestAvailable.find(theatre, free, "PREMIUM", 2)).containsExactly(stalls(0, 14), stalls(0, 15));
    }

    @Test
    void goesBackARowWhenTheFrontRowIsFull() {
        for (int n = 1; n <= 25; n++) {
            taken.add(stalls(0, n));
        }
        assertThat(BestAvailable.find(theatre, free, "PREMIUM", 3))
                .containsExactly(stalls(1, 13), stalls(1, 14), stalls(1, 15));
    }

    @Test
    void prefersAFullBlockAtTheSideToOnlySplitSeatsInTheMiddle() {
        // Row A: only every other seat free except four together at the left end.
        for (int n = 5; n <= 25; n += 2) {
            taken.add(stalls(0, n));
        }
        List<Long> best = BestAvailable.find(theatre, free, "PREMIUM", 4);
        assertThat(best).containsExactly(stalls(0, 1), stalls(0, 2), stalls(0, 3), stalls(0, 4));
    }

    @Test
    void staysInsideTheZone() {
        // Circle rows A-D are STANDARD, like stalls K-T; the stalls come first (nearer the stage).
        List<Long> standard = BestAvailable.find(theatre, free, "STANDARD", 2);
        assertThat(standard).containsExactly(stalls(10, 13), stalls(10, 14));
        List<Long> value = BestAvailable.find(theatre, free, "VALUE", 6);
        assertThat(value).allMatch(id -> id >= circle(4, 1) && id <= circle(4, 26));
    }

    @Test
    void skipsWheelchairSpacesAndCompanionSeats() {
        // Leave only row T of the standard stalls free.
        for (int r = 10; r < 19; r++) {
            for (int n = 1; n <= 25; n++) {
                taken.add(stalls(r, n));
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int n = 1; n <= 26; n++) {
                taken.add(circle(r, n));
            }
        }
        // Row T: 1-2 wheelchair, 3 companion, 4-12 | 13-22, 23 companion, 24-25 wheelchair.
        List<Long> ten = BestAvailable.find(theatre, free, "STANDARD", 10);
        assertThat(ten).hasSize(10).containsExactly(
                stalls(19, 13), stalls(19, 14), stalls(19, 15), stalls(19, 16), stalls(19, 17),
                stalls(19, 18), stalls(19, 19), stalls(19, 20), stalls(19, 21), stalls(19, 22));
        assertThat(BestAvailable.find(theatre, free, "STANDARD", 11)).isEmpty();
    }

    @Test
    void restrictedViewCostsARowPerSeat() {
        List<MapSeat> two = new ArrayList<>();
        two.add(new MapSeat(1, "A1", "S", "A", 1, 0, 0, "Z", Set.of(SeatFlag.RESTRICTED_VIEW)));
        two.add(new MapSeat(2, "A2", "S", "A", 2, 10, 0, "Z", Set.of()));
        two.add(new MapSeat(3, "B1", "S", "B", 1, 0, 10, "Z", Set.of()));
        two.add(new MapSeat(4, "B2", "S", "B", 2, 10, 10, "Z", Set.of()));
        assertThat(BestAvailable.find(two, s -> true, "Z", 2)).containsExactly(3L, 4L);
        assertThat(BestAvailable.find(two, s -> true, "Z", 1)).containsExactly(2L);
    }

    @Test
    void seatsOfAnotherZoneBreakABlock() {
        List<MapSeat> row = new ArrayList<>(SampleVenues.row("A", 5));
        row.set(2, new MapSeat(3, "A3", "Stalls", "A", 3, 30, 0, "B", Set.of()));
        assertThat(BestAvailable.find(row, s -> true, "A", 3)).isEmpty();
        assertThat(BestAvailable.find(row, s -> true, "A", 2)).containsExactly(1L, 2L);
    }

    @Test
    void noneWhenTheZoneIsUnknownOrTooSmall() {
        assertThat(BestAvailable.find(theatre, free, "GALLERY", 1)).isEmpty();
        assertThat(BestAvailable.find(theatre, free, "BOX", 5)).isEmpty();
        assertThat(BestAvailable.find(List.of(), free, "BOX", 1)).isEmpty();
        assertThat(BestAvailable.find(theatre, free, "BOX", 4)).hasSize(4);
    }

    @Test
    void rejectsACountBelowOne() {
        assertThatThrownBy(() -> BestAvailable.find(theatre, free, "PREMIUM", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package com.admitone.server.offline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeatPickerTest {

    /** Rows A-C of ten seats, 10 apart; seat ids row * 100 + number. */
    private static List<SeatPicker.Candidate> room(List<Long> taken) {
        List<SeatPicker.Candidate> free = new ArrayList<>();
        String[] rows = {"A", "B", "C"};
        for (int r = 0; r < rows.length; r++) {
            for (int n = 1; n <= 10; n++) {
                long id = (r + 1) * 100L + n;
                if (!taken.contains(id)) {
                    free.add(new SeatPicker.Candidate(id, 1, rows[r], n, n * 10.0, r * 10.0));
                }
            }
        }
        return free;
    }

    @Test
    void aGroupGoesToTheNearestBlockOfAdjacentSeatsInOneRow() {
        // Row B has free seats 1-3 and 8-10 only; the pair sat at B5-B6.
        List<Long> taken = List.of(204L, 205L, 206L, 207L);
        List<Long> picked = SeatPicker.nearest(room(taken), 2, 55, 10);
        assertThat(picked).hasSize(2);
        long a = picked.get(0);
        long b = picked.get(1);
        assertThat(a / 100).isEqualTo(b / 100);
        assertThat(Math.abs(a - b)).isEqualTo(1);
        // A5-A6 (or C5-C6) is 10 away; B8-B9 and B2-B3 are 25 away.
        assertThat(List.of(a / 100, b / 100)).doesNotContain(2L);
    }

    @Test
    void withNoRowRoomyEnoughTheNearestSeatsAreTakenOneByOne() {
        List<SeatPicker.Candidate> free = List.of(
                new SeatPicker.Candidate(1, 1, "A", 1, 0, 0),
                new SeatPicker.Candidate(3, 1, "A", 3, 20, 0),
                new SeatPicker.Candidate(5, 1, "A", 5, 40, 0),
                new SeatPicker.Candidate(9, 1, "B", 2, 10, 50));
        assertThat(SeatPicker.nearest(free, 2, 10, 0)).containsExactlyInAnyOrder(1L, 3L);
        assertThat(SeatPicker.nearest(free, 9, 10, 0)).hasSize(4);
        assertThat(SeatPicker.nearest(List.of(), 2, 0, 0)).isEmpty();
    }

    @Test
    void theBestBlockFollowsTheGivenOrder() {
        List<SeatPicker.Candidate> free = room(List.of(103L));
        // Row A is broken at A3, so the first block of four in best-first order is A4-A7.
        assertThat(SeatPicker.best(free, 4)).containsExactly(104L, 105L, 106L, 107L);
    }
}

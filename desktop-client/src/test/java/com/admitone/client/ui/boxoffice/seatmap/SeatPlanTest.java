package com.admitone.client.ui.boxoffice.seatmap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.admitone.client.ui.boxoffice.seatmap.SampleVenues.stalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatPlanTest {
    private final SeatPlan plan = new SeatPlan(SampleVenues.theatre());

    @Test
    void pitchIsTheUsualDistanceBetweenNeighbours() {
        assertThat(plan.pitch()).isBetween(26.0, 26.1);
    }

    @Test
    void findsTheSeatUnderAPointWithinHalfAPitch() {
        int c5 = plan.indexOf(stalls(2, 5));
        double x = plan.x(c5);
        double y = plan.y(c5);

        assertThat(plan.seatAt(x + 5, y - 5, plan.pitch() / 2)).isEqualTo(c5);
        assertThat(plan.seatAt(x, y - 14, plan.pitch() / 2)).isEqualTo(-1);   // between rows B and C
        assertThat(plan.seatAt(-500, -500, plan.pitch() / 2)).isEqualTo(-1);
    }

    @Test
    void areaQueryReturnsExactlyTheSeatsWithCentresInside() {
        List<Integer> found = new ArrayList<>();
        plan.forEachIn(100, 100, 400, 200, found::add);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.x(i) >= 100 && plan.x(i) <= 400 && plan.y(i) >= 100 && plan.y(i) <= 200) {
                expected.add(i);
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
    }

    @Test
    void rowsAreInXOrder() {
        SeatPlan.Row stallsA = plan.rows().get(0);
        assertThat(stallsA.row()).isEqualTo("A");
        assertThat(stallsA.seats()).hasSize(25);
        for (int k = 1; k < stallsA.seats().length; k++) {
            assertThat(plan.x(stallsA.seats()[k])).isGreaterThan(plan.x(stallsA.seats()[k - 1]));
        }
    }

    @Test
    void curvedRowsAreStraightButBoxesAreNot() {
        assertThat(plan.rows()).filteredOn(r -> r.section().equals("Stalls")).allMatch(SeatPlan.Row::straight).hasSize(20);
        assertThat(plan.rows()).filteredOn(r -> r.section().equals("Boxes")).noneMatch(SeatPlan.Row::straight).hasSize(10);
    }

    @Test
    void cursorFollowsRowsAndColumnsAcrossTheAisle() {
        int a12 = plan.indexOf(stalls(0, 12));
        assertThat(plan.seat(plan.neighbour(a12, SeatPlan.Direction.RIGHT)).id()).isEqualTo(stalls(0, 13));
        assertThat(plan.seat(plan.neighbour(a12, SeatPlan.Direction.LEFT)).id()).isEqualTo(stalls(0, 11));
        assertThat(plan.seat(plan.neighbour(a12, SeatPlan.Direction.DOWN)).id()).isEqualTo(stalls(1, 12));
        // Row A is the front: nothing further up in the stalls' column but the stage.
        assertThat(plan.neighbour(a12, SeatPlan.Direction.UP)).isEqualTo(-1);
    }

    @Test
    void rejectsDuplicateIds() {
        MapSeat a = new MapSeat(1, "A1", "S", "A", 1, 0, 0, "Z", Set.of());
        assertThatThrownBy(() -> new SeatPlan(List.of(a, a))).hasMessageContaining("twice");
    }

    @Test
    void emptyPlanAnswersNothing() {
        assertThat(SeatPlan.EMPTY.seatAt(0, 0, 10)).isEqualTo(-1);
        assertThat(SeatPlan.EMPTY.nearest(0, 0)).isEqualTo(-1);
        assertThat(SeatPlan.EMPTY.indexOf(1)).isEqualTo(-1);
    }
}

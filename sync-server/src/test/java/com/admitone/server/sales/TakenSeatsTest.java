package com.admitone.server.sales;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TakenSeatsTest {
    @Test
    void aSeatIsTakenOnlyForItsOwnPerformance() {
        TakenSeats taken = new TakenSeats();
        taken.taken(7, List.of(101L, 102L));

        assertThat(taken.lately(7, 101)).isTrue();
        assertThat(taken.lately(7, 102)).isTrue();
        assertThat(taken.lately(7, 103)).isFalse();
        assertThat(taken.lately(8, 101)).isFalse();
    }

    @Test
    void pastItsBoundTheHintForgetsRatherThanGrows() {
        TakenSeats taken = new TakenSeats();
        taken.taken(1, List.of(5L));
        taken.taken(2, LongStream.range(0, 100_000).boxed().toList());

        assertThat(taken.lately(1, 5)).isFalse();
        assertThat(taken.lately(2, 99_999)).isTrue();
    }
}

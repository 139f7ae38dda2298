package com.admitone.model.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.admitone.model.inventory.SeatState.ALLOTTED;
import static com.admitone.model.inventory.SeatState.BLOCKED;
import static com.admitone.model.inventory.SeatState.FREE;
import static com.admitone.model.inventory.SeatState.HELD;
import static com.admitone.model.inventory.SeatState.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

class SeatActionTest {

    /** The seat life cycle written out independently of the enum: action -> (allowed from, ends in). */
    private static final Map<SeatAction, Set<SeatState>> FROM = new EnumMap<>(SeatAction.class);
    private static final Map<SeatAction, SeatState> TO = new EnumMap<>(SeatAction.class);

    static {
        rule(SeatAction.HOLD, EnumSet.of(FREE), HELD);
        rule(SeatAction.RELEASE_HOLD, EnumSet.of(HELD), FREE);
        rule(SeatAction.EXPIRE_HOLD, EnumSet.of(HELD), FREE);
        rule(SeatAction.SELL, EnumSet.of(FREE, HELD, ALLOTTED), SOLD);
        rule(SeatAction.REFUND, EnumSet.of(SOLD), FREE);
        rule(SeatAction.BLOCK, EnumSet.of(FREE), BLOCKED);
        rule(SeatAction.UNBLOCK, EnumSet.of(BLOCKED), FREE);
        rule(SeatAction.ALLOT, EnumSet.of(FREE), ALLOTTED);
        rule(SeatAction.RETURN_ALLOTMENT, EnumSet.of(ALLOTTED), FREE);
    }

    private static void rule(SeatAction action, Set<SeatState> from, SeatState to) {
        FROM.put(action, from);
        TO.put(action, to);
    }

    @Test
    void everyActionHasARule() {
        assertThat(FROM.keySet()).containsExactlyInAnyOrder(SeatAction.values());
    }

    @ParameterizedTest
    @EnumSource(SeatAction.class)
    void allowedFromMatchesTheLifeCycleForEveryState(SeatAction action) {
        for (SeatState state : SeatState.values()) {
            assertThat(action.allowedFrom(state)).as("%s from %s", action, state)
                    .isEqualTo(FROM.get(action).contains(state));
        }
        assertThat(action.from()).isEqualTo(FROM.get(action));
        assertThat(action.to()).isEqualTo(TO.get(action));
    }

    @Test
    void sellIsAllowedFromFreeHeldAndAllottedOnly() {
        assertThat(SeatAction.SELL.allowedFrom(FREE)).isTrue();
        assertThat(SeatAction.SELL.allowedFrom(HELD)).isTrue();
        assertThat(SeatAction.SELL.allowedFrom(ALLOTTED)).isTrue();
        assertThat(SeatAction.SELL.allowedFrom(SOLD)).as("no second sale of a seat").isFalse();
        assertThat(SeatAction.SELL.allowedFrom(BLOCKED)).isFalse();
        assertThat(SeatAction.SELL.to()).isEqualTo(SOLD);
    }

    @Test
    void refundIsAllowedOnlyFromSold() {
        for (SeatState state : SeatState.values()) {
            assertThat(SeatAction.REFUND.allowedFrom(state)).as(state.name()).isEqualTo(state == SOLD);
        }
        assertThat(SeatAction.REFUND.to()).isEqualTo(FREE);
    }

    @Test
    void onlySellMakesASeatSold() {
        for (SeatAction action : SeatAction.values()) {
            assertThat(action.to() == SOLD).as(action.name()).isEqualTo(action == SeatAction.SELL);
        }
    }

    @Test
    void aSoldSeatCanOnlyBeRefunded() {
        for (SeatAction action : SeatAction.values()) {
            assertThat(action.allowedFrom(SOLD)).as(action.name()).isEqualTo(action == SeatAction.REFUND);
        }
    }

    @Test
    void noActionIsANoOp() {
        for (SeatAction action : SeatAction.values()) {
            assertThat(action.allowedFrom(action.to())).as(action.name()).isFalse();
        }
    }

    @Test
    void everyStateCanBeReachedAndLeft() {
        Set<SeatState> reached = EnumSet.noneOf(SeatState.class);
        Set<SeatState> left = EnumSet.noneOf(SeatState.class);
        for (SeatAction action : SeatAction.values()) {
            reached.add(action.to());
            left.addAll(action.from());
        }
        assertThat(reached).containsExactlyInAnyOrder(SeatState.values());
        assertThat(left).containsExactlyInAnyOrder(SeatState.values());
    }

    @Test
    void fromIsADefensiveCopy() {
        Set<SeatState> from = SeatAction.SELL.from();
        from.add(SOLD);
        from.remove(FREE);
        assertThat(SeatAction.SELL.allowedFrom(SOLD)).isFalse();
        assertThat(SeatAction.SELL.allowedFrom(FREE)).isTrue();
        assertThat(SeatAction.SELL.from()).containsExactlyInAnyOrder(FREE, HELD, ALLOTTED);
    }

    @Test
    void nullStateIsNeverAllowed() {
        for (SeatAction action : SeatAction.values()) {
            assertThat(action.allowedFrom(null)).isFalse();
        }
    }
}

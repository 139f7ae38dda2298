package com.admitone.client.ui.offline;

import com.admitone.client.sales.Counter;
import com.admitone.client.ui.boxoffice.seatmap.MapSeat;
import com.admitone.client.ui.boxoffice.seatmap.PriceZone;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.client.ui.common.Tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Shows one performance's seats and their live states on a {@link SeatMapView}, read in the background. */
final class SeatMapLoader {
    private SeatMapLoader() {
    }

    static void show(SeatMapView map, Counter counter, long performanceId, Executor background, Consumer<Counter.Plan> shown,
                     Consumer<Throwable> failed) {
        Tasks.create(() -> new Object[]{counter.plan(performanceId), counter.snapshot(performanceId)})
                .onSuccess(r -> {
                    Counter.Plan plan = (Counter.Plan) r[0];
                    Counter.Snapshot snapshot = (Counter.Snapshot) r[1];
                    List<MapSeat> seats = new ArrayList<>();
                    for (Counter.SeatRow s : plan.seats()) {
                        seats.add(new MapSeat(s.id(), s.label(), s.section(), s.row(), s.number(), s.x(), s.y(), s.zone(), Set.of()));
                    }
                    List<PriceZone> zones = plan.prices().keySet().stream().map(z -> new PriceZone(z, z)).toList();
                    map.setSeats(seats, zones);
                    Map<Long, SeatStatus> states = new HashMap<>();
                    snapshot.seats().forEach((id, view) -> states.put(id, SeatStatus.of(view.state(), view.mine())));
                    map.setStatuses(states);
                    map.fitToWindow();
                    shown.accept(plan);
                })
                .onError(failed)
                .runOn(background);
    }
}

package com.admitone.server.programme;

import com.admitone.model.inventory.SeatState;
import com.admitone.model.problem.ErrorCode;
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.AreaStatus;
import com.admitone.server.inventory.SeatStatus;
import com.admitone.server.storage.Database;
import com.admitone.server.venue.GaArea;
import com.admitone.server.venue.Seat;
import com.admitone.server.venue.Section;
import com.admitone.server.venue.Venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of the programme: the performance picker and the live seat map. */
public final class ProgrammeQueries {
    private final Database database;

    public ProgrammeQueries(Database database) {
        this.database = database;
    }

    public List<PerformanceSummary> performances(Instant from, Instant to, String titleContains) {
        return database.read(session -> {
            List<Performance> performances = session.createSelectionQuery(
                            "from Performance p where p.startsAt >= :from and p.startsAt < :to order by p.startsAt", Performance.class)
                    .setParameter("from", from).setParameter("to", to).getResultList();
            Map<Long, Event> events = session.createSelectionQuery("from Event", Event.class).getResultList().stream()
                    .collect(Collectors.toMap(Event::id, Function.identity()));
            Map<Long, Venue> venues = session.createSelectionQuery("from Venue", Venue.class).getResultList().stream()
                    .collect(Collectors.toMap(Venue::id, Function.identity()));
            Map<Long, int[]> seatCounts = new HashMap<>();
            session.createSelectionQuery("select s.id.performanceId, s.state, count(*) from SeatStatus s "
                            + "where s.id.performanceId in (select p.id from Performance p where p.startsAt >= :from and p.startsAt < :to) "
                            + "group by s.id.performanceId, s.state", Object[].class)
                    .setParameter("from", from).setParameter("to", to)
                    .getResultList().forEach(row -> {
                        int[] counts = seatCounts.computeIfAbsent((Long) row[0], k -> new int[SeatState.values().length]);
                        counts[((SeatState) row[1]).ordinal()] += ((Long) row[2]).intValue();
                    });
            Map<Long, int[]> areaCounts = new HashMap<>();
            session.createSelectionQuery("select a.id.performanceId, sum(a.capacity), sum(a.held), sum(a.sold), "
                            + "sum(a.blocked + a.allotted) from AreaStatus a group by a.id.performanceId", Object[].class)
                    .getResultList().forEach(row -> areaCounts.put((Long) row[0], new int[]{
                            ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                            ((Number) row[4]).intValue()}));
            List<PerformanceSummary> out = new ArrayList<>();
            for (Performance p : performances) {
                Event event = events.get(p.eventId());
                if (titleContains != null && !titleContains.isBlank()
                        && !event.title().toLowerCase().contains(titleContains.toLowerCase().strip())) {
                    continue;
                }
                Venue venue = venues.get(p.venueId());
                int[] seats = seatCounts.getOrDefault(p.id(), new int[SeatState.values().length]);
                int[] areas = areaCounts.getOrDefault(p.id(), new int[4]);
                int seatCount = 0;
                for (int c : seats) {
                    seatCount += c;
                }
                int areaFree = areas[0] - areas[1] - areas[2] - areas[3];
                out.add(new PerformanceSummary(p.id(), p.eventId(), event.title(), venue.id(), venue.name(), venue.timezone(),
                        p.startsAt(), p.status().name(), seatCount, areas[0],
                        seats[SeatState.FREE.ordinal()] + areaFree,
                        seats[SeatState.SOLD.ordinal()] + areas[2],
                        seats[SeatState.HELD.ordinal()] + areas[1]));
            }
            return out;
        });
    }

    public SeatMap seatMap(long performanceId) {
        return database.read(session -> {
            Performance performance = session.find(Performance.class, performanceId);
            if (performance == null) {
                throw new ApiException(ErrorCode.UNKNOWN_PERFORMANCE, "There is no performance " + performanceId + ".");
            }
            Venue venue = session.find(Venue.class, performance.venueId());
            Map<Long, String> sections = session.createSelectionQuery("from Section s where s.venueId = :v", Section.class)
                    .setParameter("v", venue.id()).getResultList().stream()
                    .collect(Collectors.toMap(Section::id, Section::name));
            Map<Long, SeatStatus> states = session.createSelectionQuery(
                            "from SeatStatus s where s.id.performanceId = :perf", SeatStatus.class)
                    .setParameter("perf", performanceId).getResultList().stream()
                    .collect(Collectors.toMap(SeatStatus::seatId, Function.identity()));
            List<SeatMap.SeatView> seats = new ArrayList<>();
            for (Seat seat : session.createSelectionQuery("from Seat s where s.venueId = :v order by s.id", Seat.class)
                    .setParameter("v", venue.id()).getResultList()) {
                SeatStatus status = states.get(seat.id());
                if (status == null) {
                    continue;
                }
                seats.add(new SeatMap.SeatView(seat.id(), seat.label(), sections.get(seat.sectionId()), seat.row(), seat.number(),
                        seat.x(), seat.y(), seat.zone(), seat.flagSet().stream().map(Enum::name).toList(), status.state().name(),
                        status.state() == SeatState.HELD ? status.holdDeviceId() : null));
            }
            Map<Long, GaArea> areaDefs = session.createSelectionQuery("from GaArea a where a.venueId = :v", GaArea.class)
                    .setParameter("v", venue.id()).getResultList().stream()
                    .collect(Collectors.toMap(GaArea::id, Function.identity()));
            List<SeatMap.AreaView> areas = session.createSelectionQuery(
                            "from AreaStatus a where a.id.performanceId = :perf", AreaStatus.class)
                    .setParameter("perf", performanceId).getResultList().stream()
                    .map(a -> new SeatMap.AreaView(a.areaId(), areaDefs.get(a.areaId()).name(), areaDefs.get(a.areaId()).zone(),
                            a.capacity(), a.free(), a.held(), a.sold()))
                    .toList();
            List<SeatMap.PriceView> prices = session.createSelectionQuery(
                            "from Price p where p.id.performanceId = :perf", Price.class)
                    .setParameter("perf", performanceId).getResultList().stream()
                    .map(p -> new SeatMap.PriceView(p.zone(), p.priceType(), p.amountMinor()))
                    .toList();
            return new SeatMap(performanceId, venue.currency(), seats, areas, prices);
        });
    }
}

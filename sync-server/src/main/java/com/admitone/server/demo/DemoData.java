package com.admitone.server.demo;

import com.admitone.model.auth.Role;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.venue.SeatFlag;
import com.admitone.server.auth.AuthService;
import com.admitone.server.auth.Principal;
import com.admitone.server.programme.Event;
import com.admitone.server.programme.ProgrammeSetup;
import com.admitone.server.sync.Writer;
import com.admitone.server.venue.GaArea;
import com.admitone.server.venue.Section;
import com.admitone.server.venue.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo venue set: an 800-seat theatre (stalls, circle, boxes) and a museum gallery sold in
 * timed general-admission slots, with performances over the coming weeks and one staff account per
 * role. Loaded once, on a database that has no venues yet.
 */
public final class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo staff: username, password, display name, role. Listed in the README. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "admin-demo", "Ada Admin", Role.ADMIN),
            new DemoUser("manager", "manager-demo", "Maya Manager", Role.MANAGER),
            new DemoUser("boxoffice", "boxoffice-demo", "Ben Boxoffice", Role.BOX_OFFICE),
            new DemoUser("gate", "gate-demo", "Gita Gate", Role.GATE),
            new DemoUser("coordinator", "coordinator-demo", "Colm Coordinator", Role.COORDINATOR));

    public static final String THEATRE = "Grand Crescent Theatre";
    public static final String MUSEUM = "Harbour Museum";
    public static final int THEATRE_SEATS = 800;

    public record DemoUser(String username, String password, String displayName, Role role) {
    }

    private DemoData() {
    }

    public static boolean isLoaded(Writer writer) {
        return writer.database().read(s -> s.createSelectionQuery("select count(*) from Venue", Long.class).getSingleResult() > 0);
    }

    public static void load(Writer writer, AuthService auth, int days) {
        if (isLoaded(writer)) {
            log.info("demo data: venues exist already, nothing loaded");
            return;
        }
        for (DemoUser user : USERS) {
            auth.createUser(Principal.SYSTEM, user.username(), user.displayName(), user.role(), user.password());
        }
        Clock clock = writer.clock();
        writer.write(Principal.SYSTEM, ctx -> {
            ProgrammeSetup setup = new ProgrammeSetup(ctx);
            loadTheatre(setup, clock, days);
            loadMuseum(setup, clock, days);
            return null;
        });
        log.info("demo data loaded: {} and {}, {} days of performances", THEATRE, MUSEUM, days);
    }

    private static void loadTheatre(ProgrammeSetup setup, Clock clock, int days) {
        ZoneId zone = ZoneId.of("Europe/London");
        Venue venue = setup.venue(THEATRE, zone.getId(), "GBP", 2000);
        Section stalls = setup.section(venue, "Stalls", 1);
        Section circle = setup.section(venue, "Circle", 2);
        Section boxes = setup.section(venue, "Boxes", 3);

        // Stalls: rows A-T of 25 with a centre aisle after seat 12; wheelchair spaces at the back.
        for (int r = 0; r < 20; r++) {
            String row = String.valueOf((char) ('A' + r));
            String priceZone = r < 10 ? "PREMIUM" : "STANDARD";
            for (int n = 1; n <= 25; n++) {
                Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
                if (n == 1 || n == 12 || n == 13 || n == 25) {
                    flags.add(SeatFlag.AISLE);
                }
                if (row.equals("T") && (n <= 2 || n >= 24)) {
                    flags.add(SeatFlag.WHEELCHAIR);
                }
                if (row.equals("T") && (n == 3 || n == 23)) {
                    flags.add(SeatFlag.COMPANION);
                }
                double x = 100 + (n - 1) * 26 + (n > 12 ? 30 : 0);
                double y = 140 + r * 28 + Math.pow(n - 13, 2) * 0.12;
                setup.seat(venue, stalls, row, n, x, y, priceZone, flags);
            }
        }
        // Circle: rows A-J of 26; the ends of the back row have a restricted view.
        for (int r = 0; r < 10; r++) {
            String row = String.valueOf((char) ('A' + r));
            String priceZone = r < 4 ? "STANDARD" : "VALUE";
            for (int n = 1; n <= 26; n++) {
                Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
                if (n == 1 || n == 26) {
                    flags.add(SeatFlag.AISLE);
                }
                if (row.equals("J") && (n <= 3 || n >= 24)) {
                    flags.add(SeatFlag.RESTRICTED_VIEW);
                }
                double x = 90 + (n - 1) * 26;
                double y = 740 + r * 28 + Math.pow(n - 13.5, 2) * 0.15;
                setup.seat(venue, circle, row, n, x, y, priceZone, flags);
            }
        }
        // Boxes: five a side, four seats each.
        for (int b = 0; b < 10; b++) {
            String row = "B" + (b + 1);
            boolean left = b < 5;
            for (int n = 1; n <= 4; n++) {
                double x = left ? 20 + (n % 2) * 24 : 820 + (n % 2) * 24;
                double y = 160 + (b % 5) * 90 + (n > 2 ? 28 : 0);
                setup.seat(venue, boxes, row, n, x, y, "BOX", EnumSet.noneOf(SeatFlag.class));
            }
        }

        Map<String, Map<PriceType, Long>> prices = new LinkedHashMap<>();
        prices.put("PREMIUM", priceRow(5500, 3500, 4500, 4000, 4500, 4500));
        prices.put("STANDARD", priceRow(4200, 2600, 3400, 3000, 3400, 3400));
        prices.put("VALUE", priceRow(2800, 1800, 2200, 2000, 2200, 2200));
        prices.put("BOX", priceRow(7500, 5500, 6500, 6500, 6500, 6500));

        Event tempest = setup.event(venue, "The Tempest", "Shakespeare's island of magic, storms and forgiveness.", 150);
        Event carol = setup.event(venue, "A Christmas Carol", "Dickens' ghost story for all the family.", 120);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int d = 0; d < days; d++) {
            LocalDate date = today.plusDays(d);
            // Today and at least one later day are The Tempest, so a short demo has a provisional-sale
            // performance still to come in the evening too.
            Event event = d <= days / 2 ? tempest : carol;
            // The Tempest takes provisional offline sales and moves them when their seats are gone; the
            // family show sells offline only from allotments (groups must sit together, so no moving).
            ProvisionalPolicy policy = event == tempest ? ProvisionalPolicy.ACCEPT_OR_MOVE : ProvisionalPolicy.NOT_ALLOWED;
            if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                setup.performance(event, venue, date.atTime(LocalTime.of(19, 30)).atZone(zone).toInstant(), prices, List.of(), policy);
            }
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                setup.performance(event, venue, date.atTime(LocalTime.of(14, 30)).atZone(zone).toInstant(), prices, List.of(), policy);
            }
        }
    }

    private static void loadMuseum(ProgrammeSetup setup, Clock clock, int days) {
        ZoneId zone = ZoneId.of("Europe/London");
        Venue venue = setup.venue(MUSEUM, zone.getId(), "GBP", 0);
        GaArea gallery = setup.area(venue, "Ocean Gallery", 60, "GALLERY");
        Event exhibition = setup.event(venue, "Deep Blue: Life in the Ocean", "Timed entry to the Ocean Gallery.", 60);
        Map<String, Map<PriceType, Long>> prices = Map.of("GALLERY", priceRow(1400, 800, 1000, 1000, 1000, 0));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int d = 0; d < days; d++) {
            LocalDate date = today.plusDays(d);
            for (int hour = 10; hour <= 16; hour++) {
                // Timed slots have no seats to move to: accept offline sales while places are left.
                setup.performance(exhibition, venue, date.atTime(hour, 0).atZone(zone).toInstant(), prices, List.of(gallery),
                        ProvisionalPolicy.ACCEPT_IF_FREE);
            }
        }
    }

    private static Map<PriceType, Long> priceRow(long adult, long child, long concession, long student, long senior, long teacher) {
        Map<PriceType, Long> row = new EnumMap<>(PriceType.class);
        row.put(PriceType.ADULT, adult);
        row.put(PriceType.CHILD, child);
        row.put(PriceType.CONCESSION, concession);
        row.put(PriceType.STUDENT, student);
        row.put(PriceType.SENIOR, senior);
        row.put(PriceType.TEACHER, teacher);
        row.put(PriceType.COMPLIMENTARY, 0L);
        return row;
    }
}

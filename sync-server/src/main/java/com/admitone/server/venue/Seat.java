package com.admitone.server.venue;

import com.admitone.model.venue.SeatFlag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A physical seat: where it is drawn, which price zone it is in, and what staff must know about it. */
@Entity
@Table(name = "seat")
public class Seat {
    @Id
    long id;
    @Column(name = "section_id")
    long sectionId;
    @Column(name = "venue_id")
    long venueId;
    @Column(name = "row_label")
    String row;
    @Column(name = "seat_number")
    int number;
    String label;
    double x;
    double y;
    String zone;
    String flags;

    protected Seat() {
    }

    public Seat(long id, long sectionId, long venueId, String row, int number, String label, double x, double y,
                String zone, Set<SeatFlag> flags) {
        this.id = id;
        this.sectionId = sectionId;
        this.venueId = venueId;
        this.row = row;
        this.number = number;
        this.label = label;
        this.x = x;
        this.y = y;
        this.zone = zone;
        this.flags = flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public long id() {
        return id;
    }

    public long venueId() {
        return venueId;
    }

    public long sectionId() {
        return sectionId;
    }

    public String zone() {
        return zone;
    }

    public String label() {
        return label;
    }

    public String row() {
        return row;
    }

    public int number() {
        return number;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public Set<SeatFlag> flagSet() {
        if (flags == null || flags.isEmpty()) {
            return EnumSet.noneOf(SeatFlag.class);
        }
        return Arrays.stream(flags.split(",")).map(SeatFlag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SeatFlag.class)));
    }

    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("venueId", venueId);
        data.put("sectionId", sectionId);
        data.put("row", row);
        data.put("number", number);
        data.put("label", label);
        data.put("x", x);
        data.put("y", y);
        data.put("zone", zone);
        data.put("flags", flagSet().stream().map(Enum::name).toList());
        return data;
    }
}

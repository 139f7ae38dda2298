package com.admitone.client.ui.boxoffice.seatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The geometry of a seat map, computed once per seat list: seat positions in flat arrays, a
 * uniform grid for hit tests and area queries, the rows in x order and the typical distance
 * between neighbouring seats. Immutable and free of JavaFX, so it is tested without a screen.
 */
final class SeatPlan {

    /**
     * A row of one section, its seats (indices into the plan) in x order. {@code straight} when it
     * reads as a line (three or more seats, no step between neighbours of half a pitch or more),
     * unlike a box drawn as a small block.
     */
    record Row(String section, String row, int[] seats, boolean straight) {
    }

    enum Direction { LEFT, RIGHT, UP, DOWN }

    static final SeatPlan EMPTY = new SeatPlan(List.of());

    private final MapSeat[] seats;
    private final double[] xs;
    private final double[] ys;
    private final SeatIds indexById;
    private final List<Row> rows;
    private final double pitch;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    private final double cellSize;
    private final int gridColumns;
    private final int gridRows;
    /** Seat indices of grid cell c are cellSeats[cellStart[c] .. cellStart[c + 1]). */
    private final int[] cellStart;
    private final int[] cellSeats;

    SeatPlan(List<MapSeat> seatList) {
        int n = seatList.size();
        seats = seatList.toArray(new MapSeat[0]);
        xs = new double[n];
        ys = new double[n];
        indexById = new SeatIds(n);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            MapSeat s = seats[i];
            if (!indexById.put(s.id(), i)) {
                throw new IllegalArgumentException("seat " + s.id() + " appears twice");
            }
            xs[i] = s.x();
            ys[i] = s.y();
            x0 = Math.min(x0, s.x());
            y0 = Math.min(y0, s.y());
            x1 = Math.max(x1, s.x());
            y1 = Math.max(y1, s.y());
        }
        if (n == 0) {
            x0 = y0 = x1 = y1 = 0;
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
        List<int[]> orderedRows = groupRows();
        pitch = medianNeighbourDistance(orderedRows);
        rows = describeRows(orderedRows);

        cellSize = pitch * 2;
        gridColumns = Math.max(1, (int) Math.floor((maxX - minX) / cellSize) + 1);
        gridRows = Math.max(1, (int) Math.floor((maxY - minY) / cellSize) + 1);
        int cells = gridColumns * gridRows;
        cellStart = new int[cells + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(column(xs[i]), gridRow(ys[i]));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        cellSeats = new int[n];
        int[] fill = Arrays.copyOf(cellStart, cells);
        for (int i = 0; i < n; i++) {
            cellSeats[fill[cellOf[i]]++] = i;
        }
    }

    /** The seats of each row (in order of first appearance), each row in x order. */
    private List<int[]> groupRows() {
        // Section, then row: plain maps of strings, cheap even before the JIT has seen this code.
        Map<String, Map<String, Integer>> rowOf = new HashMap<>();
        int[] rowIndex = new int[seats.length];
        int[] counts = new int[Math.max(1, seats.length)];
        int rowCount = 0;
        for (int i = 0; i < seats.length; i++) {
            Map<String, Integer> sectionRows = rowOf.get(seats[i].section());
            if (sectionRows == null) {
                sectionRows = new HashMap<>();
                rowOf.put(seats[i].section(), sectionRows);
            }
            Integer r = sectionRows.get(seats[i].row());
            if (r == null) {
                r = rowCount++;
                sectionRows.put(seats[i].row(), r);
            }
            rowIndex[i] = r;
            counts[r]++;
        }
        int[][] members = new int[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            members[r] = new int[counts[r]];
        }
        int[] filled = new int[rowCount];
        for (int i = 0; i < seats.length; i++) {
            int r = rowIndex[i];
            members[r][filled[r]++] = i;
        }
        for (int[] row : members) {
            sortByX(row);
        }
        return Arrays.asList(members);
    }

    /**
     * Insertion sort by x, then y, then seat number (a box drawn in two lines has equal x).
     * Seat lists usually arrive in seat order, so this is close to one pass.
     */
    private void sortByX(int[] row) {
        for (int k = 1; k < row.length; k++) {
            int seat = row[k];
            int j = k - 1;
            while (j >= 0 && before(seat, row[j])) {
                row[j + 1] = row[j];
                j--;
            }
            row[j + 1] = seat;
        }
    }

    private boolean before(int a, int b) {
        if (xs[a] != xs[b]) {
            return xs[a] < xs[b];
        }
        if (ys[a] != ys[b]) {
            return ys[a] < ys[b];
        }
        return seats[a].number() < seats[b].number();
    }

    private List<Row> describeRows(List<int[]> orderedRows) {
        List<Row> result = new ArrayList<>(orderedRows.size());
        for (int[] r : orderedRows) {
            boolean straight = r.length >= 3;
            for (int j = 1; j < r.length && straight; j++) {
                straight = Math.abs(ys[r[j]] - ys[r[j - 1]]) < pitch * 0.5;
            }
            MapSeat first = seats[r[0]];
            result.add(new Row(first.section(), first.row(), r, straight));
        }
        return List.copyOf(result);
    }

    /** The median distance between x-neighbours in a row: the seat size the map draws with. */
    private double medianNeighbourDistance(List<int[]> orderedRows) {
        double[] gaps = new double[seats.length];
        int count = 0;
        for (int[] r : orderedRows) {
            for (int k = 1; k < r.length; k++) {
                double dx = xs[r[k]] - xs[r[k - 1]];
                double dy = ys[r[k]] - ys[r[k - 1]];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d > 0) {
                    gaps[count++] = d;
                }
            }
        }
        if (count == 0) {
            double extent = Math.max(maxX - minX, maxY - minY);
            return extent > 0 ? extent / Math.max(1, Math.sqrt(seats.length)) : 1;
        }
        Arrays.sort(gaps, 0, count);
        return gaps[count / 2];
    }

    int size() {
        return seats.length;
    }

    MapSeat seat(int index) {
        return seats[index];
    }

    double x(int index) {
        return xs[index];
    }

    double y(int index) {
        return ys[index];
    }

    /** The index of a seat id, or -1 when the plan has no such seat. */
    int indexOf(long seatId) {
        return indexById.get(seatId);
    }

    List<Row> rows() {
        return rows;
    }

    double pitch() {
        return pitch;
    }

    double minX() {
        return minX;
    }

    double minY() {
        return minY;
    }

    double maxX() {
        return maxX;
    }

    double maxY() {
        return maxY;
    }

    /** The seat whose centre is nearest to (x, y) and no further than {@code radius}, or -1. */
    int seatAt(double x, double y, double radius) {
        int[] best = {-1};
        double[] bestDistance = {radius * radius};
        forEachIn(x - radius, y - radius, x + radius, y + radius, i -> {
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance[0]) {
                bestDistance[0] = d;
                best[0] = i;
            }
        });
        return best[0];
    }

    /** Calls {@code action} for every seat whose centre lies in the rectangle (edges included). */
    void forEachIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        if (seats.length == 0 || x1 < minX || y1 < minY || x0 > maxX || y0 > maxY) {
            return;
        }
        int c0 = column(Math.max(x0, minX));
        int c1 = column(Math.min(x1, maxX));
        int r0 = gridRow(Math.max(y0, minY));
        int r1 = gridRow(Math.min(y1, maxY));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = cellSeats[k];
                    if (xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1) {
                        action.accept(i);
                    }
                }
            }
        }
    }

    /** The seat nearest to a point, or -1 for an empty plan. */
    int nearest(double x, double y) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < seats.length; i++) {
            double d = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * The seat a keyboard cursor moves to from {@code from}: the nearest seat in that direction,
     * where sideways distance counts three times, so the cursor follows a row or a column
     * instead of jumping diagonally. -1 when there is none.
     */
    int neighbour(int from, Direction direction) {
        double fx = xs[from];
        double fy = ys[from];
        double minAhead = pitch * 0.25;
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < seats.length; i++) {
            double dx = xs[i] - fx;
            double dy = ys[i] - fy;
            double ahead;
            double sideways;
            switch (direction) {
                case LEFT -> { ahead = -dx; sideways = Math.abs(dy); }
                case RIGHT -> { ahead = dx; sideways = Math.abs(dy); }
                case UP -> { ahead = -dy; sideways = Math.abs(dx); }
                default -> { ahead = dy; sideways = Math.abs(dx); }
            }
            if (ahead < minAhead || sideways > ahead * 3 + pitch) {
                continue;
            }
            double cost = ahead + 3 * sideways;
            if (cost < bestCost) {
                bestCost = cost;
                best = i;
            }
        }
        return best;
    }

    /** Seat id to index without boxing: open addressing over two arrays, linear probing. */
    private static final class SeatIds {
        private final long[] keys;
        private final int[] values;   // index + 1; 0 marks a free slot
        private final int mask;

        SeatIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            mask = capacity - 1;
        }

        /** False when the id is there already. */
        boolean put(long id, int index) {
            int slot = slot(id);
            while (values[slot] != 0) {
                if (keys[slot] == id) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = id;
            values[slot] = index + 1;
            return true;
        }

        int get(long id) {
            int slot = slot(id);
            while (values[slot] != 0) {
                if (keys[slot] == id) {
                    return values[slot] - 1;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private int slot(long id) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    private int column(double x) {
        return Math.min(gridColumns - 1, Math.max(0, (int) ((x - minX) / cellSize)));
    }

    private int gridRow(double y) {
        return Math.min(gridRows - 1, Math.max(0, (int) ((y - minY) / cellSize)));
    }

    private int cell(int column, int row) {
        return row * gridColumns + column;
    }
}

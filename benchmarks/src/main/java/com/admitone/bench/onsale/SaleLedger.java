package com.admitone.bench.onsale;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every sale the server confirmed to a buyer (an APPLIED result), and the audit that compares
 * them with the server's own seat states afterwards.
 */
final class SaleLedger {
    /** One confirmed order: which buyer, which seats (by seat index), the order number the server gave. */
    record Sale(int buyer, int[] seats, String orderNumber, int tickets) {
    }

    private final ConcurrentLinkedQueue<Sale> sales = new ConcurrentLinkedQueue<>();

    void confirm(Sale sale) {
        sales.add(sale);
    }

    /** The confirmed orders in the order their confirmations arrived. */
    List<Sale> sales() {
        return new ArrayList<>(sales);
    }

    /**
     * @param seats              seats in the performance
     * @param sold               seats the server lists as SOLD
     * @param free               seats the server lists as FREE
     * @param otherState         seats in any other state (HELD, BLOCKED...)
     * @param duplicateSeatRows  seat ids the server lists more than once
     * @param confirmedSeatSales seat sales confirmed to buyers, counting a seat once per confirmation
     * @param confirmedSeats     distinct seats confirmed to at least one buyer
     * @param doubleSold         seats confirmed to two or more buyers (or twice to one)
     * @param oversold           confirmed seat sales beyond the number of seats
     * @param confirmedNotSold   seats confirmed to a buyer that the server does not list as SOLD
     * @param soldNotConfirmed   seats the server lists as SOLD that no buyer was told it bought
     * @param orders             confirmed orders
     * @param ticketsReturned    tickets the APPLIED results carried
     * @param duplicateOrderNumbers order numbers given to more than one confirmed order
     */
    record Audit(int seats, int sold, int free, int otherState, int duplicateSeatRows, int confirmedSeatSales,
                 int confirmedSeats, int doubleSold, int oversold, int confirmedNotSold, int soldNotConfirmed,
                 int orders, int ticketsReturned, int duplicateOrderNumbers) {

        /** Every seat SOLD exactly once, each confirmed to exactly one buyer. */
        boolean allSoldExactlyOnce() {
            return sold == seats && duplicateSeatRows == 0 && doubleSold == 0 && oversold == 0
                    && confirmedNotSold == 0 && soldNotConfirmed == 0 && confirmedSeats == seats;
        }
    }

    Audit audit(SeatMap map, JsonNode finalSeats) {
        int n = map.size();
        int[] confirmations = new int[n];
        int confirmedSeatSales = 0;
        int tickets = 0;
        Map<String, Integer> orderNumbers = new HashMap<>();
        List<Sale> all = sales();
        for (Sale sale : all) {
            for (int i : sale.seats()) {
                confirmations[i]++;
                confirmedSeatSales++;
            }
            tickets += sale.tickets();
            if (sale.orderNumber() != null && !sale.orderNumber().isEmpty()) {
                orderNumbers.merge(sale.orderNumber(), 1, Integer::sum);
            }
        }
        int[] listed = new int[n];
        boolean[] soldOnServer = new boolean[n];
        int sold = 0;
        int free = 0;
        int other = 0;
        int duplicateRows = 0;
        for (JsonNode s : finalSeats.path("seats")) {
            int i = map.indexOf(s.path("id").asLong());
            if (i < 0) {
                other++;
                continue;
            }
            if (++listed[i] > 1) {
                duplicateRows++;
                continue;
            }
            switch (s.path("state").asText()) {
                case "SOLD" -> {
                    sold++;
                    soldOnServer[i] = true;
                }
                case "FREE" -> free++;
                default -> other++;
            }
        }
        int confirmedSeats = 0;
        int doubleSold = 0;
        int confirmedNotSold = 0;
        int soldNotConfirmed = 0;
        for (int i = 0; i < n; i++) {
            if (confirmations[i] > 0) {
                confirmedSeats++;
            }
            if (confirmations[i] > 1) {
                doubleSold++;
            }
            if (confirmations[i] > 0 && !soldOnServer[i]) {
                confirmedNotSold++;
            }
            if (soldOnServer[i] && confirmations[i] == 0) {
                soldNotConfirmed++;
            }
        }
        int oversold = Math.max(0, confirmedSeatSales - n);
        int duplicateOrderNumbers = (int) orderNumbers.values().stream().filter(c -> c > 1).count();
        return new Audit(n, sold, free, other, duplicateRows, confirmedSeatSales, confirmedSeats, doubleSold,
                oversold, confirmedNotSold, soldNotConfirmed, all.size(), tickets, duplicateOrderNumbers);
    }
}

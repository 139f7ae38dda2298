package com.admitone.server.sales;

import java.util.List;
import java.util.Map;

/** An order with its tickets and payments, for look-up at the counter. */
public record OrderView(Map<String, Object> order, List<Map<String, Object>> tickets, List<Map<String, Object>> payments) {
}

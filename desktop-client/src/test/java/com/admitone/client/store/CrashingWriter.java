package com.admitone.client.store;

import com.admitone.client.store.replica.ScanEntry;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Run in a child JVM by {@link LocalStoreTest}: records sales as fast as it can, printing a line
 * after each commit, until the test kills the process with SIGKILL somewhere in the middle of one.
 * With a second argument {@code quick} it records gate scans instead, as the gate does
 * ({@link LocalStore#writeQuickly}, no fsync in the commit).
 */
public final class CrashingWriter {
    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        Outbox outbox = new Outbox(store, Clock.systemUTC());
        boolean quick = args.length > 1 && args[1].equals("quick");
        Outbox.Author author = new Outbox.Author("crash-user", "crash-device");
        for (long i = 0; ; i++) {
            if (quick) {
                Commands.RecordScans scan = scan(i);
                store.writeQuickly(db -> {
                    Commands.ScanRecord record = scan.scans().get(0);
                    ScanEntry.insertLocal(db, record.scanId().toString(), record.ticketId().toString(), record.performanceId(),
                            record.gate(), record.mode(), record.verdict(), record.deviceTime(), author.deviceId());
                    outbox.recordQuickly(db, scan, author);
                    return null;
                });
            } else {
                outbox.record(sale(i), author);
            }
            System.out.println("committed " + i);
            System.out.flush();
        }
    }

    /** The i-th gate scan: one admission of a ticket of its own. */
    static Commands.RecordScans scan(long i) {
        return new Commands.RecordScans(List.of(new Commands.ScanRecord(UUID.randomUUID(), UUID.randomUUID(), 1L, "North",
                java.time.Instant.ofEpochMilli(1_795_000_000_000L + i), "ADMIT", "ENTRY")));
    }

    static Commands.SellSeats sale(long i) {
        List<Commands.SaleLine> lines = List.of(
                new Commands.SaleLine(UUID.randomUUID(), i * 3 + 1, null, PriceType.ADULT, 1000, 0, null),
                new Commands.SaleLine(UUID.randomUUID(), i * 3 + 2, null, PriceType.ADULT, 1000, 0, null),
                new Commands.SaleLine(UUID.randomUUID(), i * 3 + 3, null, PriceType.CHILD, 500, 0, null));
        return new Commands.SellSeats(UUID.randomUUID(), 1L, null, lines,
                List.of(new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, 2500, null, 3000L)), null, 0, null);
    }
}

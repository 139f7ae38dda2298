package com.admitone.client.store;

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
 * With a second argument {@code without-sync} it commits as the gate records scans
 * ({@link LocalStore#writeWithoutSync}).
 */
public final class CrashingWriter {
    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        Outbox outbox = new Outbox(store, Clock.systemUTC());
        boolean withoutSync = args.length > 1 && args[1].equals("without-sync");
        Outbox.Author author = new Outbox.Author("crash-user", "crash-device");
        for (long i = 0; ; i++) {
            Commands.SellSeats sale = sale(i);
            if (withoutSync) {
                store.writeWithoutSync(session -> outbox.record(session, sale, author, null));
            } else {
                outbox.record(sale, author);
            }
            System.out.println("committed " + i);
            System.out.flush();
        }
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

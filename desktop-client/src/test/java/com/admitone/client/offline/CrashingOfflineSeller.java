package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link OfflineCrashTest}: sells offline (guaranteed from the allotment,
 * then provisional) as fast as it can, printing a line after each commit, until it is killed.
 */
public final class CrashingOfflineSeller {
    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        OfflineSales sales = new OfflineSales(store, new Outbox(store, Clock.systemUTC()), ReplicaFixture.DEVICE, Clock.systemUTC());
        Outbox.Author author = new Outbox.Author("crash-user", ReplicaFixture.DEVICE);
        for (long i = 0; ; i++) {
            long seat = i % 2 == 0 ? 1 + i / 2 : OfflineCrashTest.ALLOTTED + 1 + i / 2;
            sales.sell(OfflineSalesTest.sale(seat), author);
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}

package com.admitone.server.inventory;

import com.admitone.server.auth.Principal;
import com.admitone.server.sync.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Returns expired holds (and allotments past their deadline) to sale by themselves, a few times a second, so a seat is FREE within a
 * second of its hold's expiry. A cheap read first keeps the writer free when nothing expired.
 */
public final class HoldExpiry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hold-expiry");
        t.setDaemon(true);
        return t;
    });

    public HoldExpiry(Writer writer, InventoryService inventory, long periodMillis) {
        this(writer, inventory, null, periodMillis);
    }

    /** As above, and returns the unsold seats and places of allotments whose deadline passed. */
    public HoldExpiry(Writer writer, InventoryService inventory, AllotmentService allotments, long periodMillis) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                boolean due = writer.database().read(s -> InventoryService.anyExpired(s, writer.clock().instant()));
                if (due) {
                    int expired = writer.write(Principal.SYSTEM, inventory::expireHolds).value();
                    log.debug("returned {} expired seats and holds to sale", expired);
                }
                if (allotments != null
                        && writer.database().read(s -> AllotmentService.anyExpired(s, writer.clock().instant()))) {
                    int expired = writer.write(Principal.SYSTEM, allotments::expireAllotments).value();
                    log.debug("returned {} expired allotments to sale", expired);
                }
            } catch (RuntimeException e) {
                log.warn("hold expiry failed, will retry: {}", e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

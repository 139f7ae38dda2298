package com.admitone.client.sales;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.replica.ChangeApplier;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A returning customer is found from earlier orders in a real local store, most recent first, each once. */
class KnownCustomersTest {
    @TempDir
    Path dir;
    LocalStore store;
    Counter counter;

    @BeforeEach
    void openStore() {
        store = LocalStore.open(dir);
        counter = new Counter(store, new Outbox(store, Clock.systemUTC()), () -> null, () -> null, "device", Clock.systemUTC());
        order("Ada Lovelace", "ada@example.org", "0161 496 0000", "2026-11-01T10:00:00Z");
        order("Ada Lovelace", "ada@example.org", "0161 496 0000", "2026-11-20T10:00:00Z");
        order("Adam Smith", null, "0131 496 0999", "2026-11-25T10:00:00Z");
        order(null, null, null, "2026-11-26T10:00:00Z");
        order("Grace Hopper", "grace@example.org", null, "2026-11-27T10:00:00Z");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findsByAnyPartOfNameEmailOrPhone() {
        assertThat(counter.knownCustomers("ada", 8)).containsExactly(
                new Commands.Customer("Adam Smith", null, "0131 496 0999"),
                new Commands.Customer("Ada Lovelace", "ada@example.org", "0161 496 0000"));
        assertThat(counter.knownCustomers("GRACE@", 8)).extracting(Commands.Customer::name).containsExactly("Grace Hopper");
        assertThat(counter.knownCustomers("496 0999", 8)).extracting(Commands.Customer::name).containsExactly("Adam Smith");
        assertThat(counter.knownCustomers("ada", 1)).hasSize(1);
    }

    @Test
    void oneLetterOrNoMatchOffersNothing() {
        assertThat(counter.knownCustomers("a", 8)).isEmpty();
        assertThat(counter.knownCustomers("zzz", 8)).isEmpty();
        assertThat(counter.knownCustomers("%", 8)).isEmpty();
    }

    private void order(String name, String email, String phone, String at) {
        Map<String, Object> data = new HashMap<>();
        data.put("number", "K7Q-" + (100 + (int) (Math.random() * 800)));
        data.put("performanceId", 1L);
        data.put("status", "PAID");
        data.put("currency", "GBP");
        data.put("totalMinor", 1000L);
        data.put("createdAt", at);
        if (name != null) {
            data.put("customerName", name);
        }
        if (email != null) {
            data.put("customerEmail", email);
        }
        if (phone != null) {
            data.put("customerPhone", phone);
        }
        store.write(s -> {
            ChangeApplier.apply(s, new Change(0, ChangeEntity.ORDER, UUID.randomUUID().toString(), false, data, Instant.now()));
            return null;
        });
    }
}

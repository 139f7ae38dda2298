package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.ChangeApplier;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A group ticket (one code for several people) in a gate's replica, as the change feed would bring it:
 * the signing key and the ticket applied through the real {@link ChangeApplier}. The demo sells no
 * group tickets yet, so gate tests make their own.
 */
public final class GroupTickets {
    private GroupTickets() {
    }

    /** Adds a valid child group ticket for {@code admits} people to the performance; returns its scanned text. */
    public static String add(LocalStore store, long performance, Instant startsAt, int admits) {
        SigningKey key = SigningKey.generate();
        UUID ticketId = UUID.randomUUID();
        String token = TicketTokenCodec.encode(new TicketToken(key.keyId(), ticketId, performance, null, 1L, PriceType.CHILD,
                startsAt.minus(Duration.ofHours(2)), startsAt.plus(Duration.ofHours(3)), admits), key);
        store.write(session -> {
            ChangeApplier.apply(session, new Change(0, ChangeEntity.SIGNING_KEY, key.keyId(), false, Map.of("owner", "server",
                    "publicKey", Base64.getEncoder().encodeToString(key.publicKey()), "revoked", false), Instant.now()));
            Map<String, Object> ticket = new HashMap<>();
            ticket.put("orderId", UUID.randomUUID().toString());
            ticket.put("performanceId", performance);
            ticket.put("areaId", 1L);
            ticket.put("priceType", "CHILD");
            ticket.put("priceMinor", 0);
            ticket.put("status", "VALID");
            ticket.put("token", token);
            ticket.put("keyId", key.keyId());
            ChangeApplier.apply(session, new Change(0, ChangeEntity.TICKET, ticketId.toString(), false, ticket, Instant.now()));
            return null;
        });
        return token;
    }
}

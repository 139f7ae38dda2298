package com.admitone.server.keys;

import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.auth.Principal;
import com.admitone.server.storage.Database;
import com.admitone.server.sync.Writer;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the tickets the server sells with its current Ed25519 key. The key is created on first
 * start and kept in the database, so every server node sharing it signs with the same key and the
 * public half reaches gates through the change feed.
 */
public final class TicketSigner {
    /** Far more than the tickets of the commands in flight; beyond it tickets are signed in the transaction. */
    private static final int MAX_PRESIGNED = 20_000;
    private final SigningKey key;
    private final Database database;
    private final Map<UUID, Presigned> presigned = new ConcurrentHashMap<>();

    private record Presigned(TicketToken token, String signed) {
    }

    private TicketSigner(SigningKey key, Database database) {
        this.key = key;
        this.database = database;
    }

    public static TicketSigner loadOrCreate(Database database, Writer writer) {
        SigningKeyRecord current = database.read(s -> currentServerKey(s));
        if (current == null) {
            current = writer.write(Principal.SYSTEM, ctx -> {
                SigningKeyRecord existing = currentServerKey(ctx.session());
                if (existing != null) {
                    return existing;
                }
                SigningKey fresh = SigningKey.generate();
                SigningKeyRecord record = new SigningKeyRecord(fresh.keyId(), SigningKeyRecord.SERVER,
                        Base64.getEncoder().encodeToString(fresh.publicKey()),
                        Base64.getEncoder().encodeToString(fresh.privateKey()), ctx.now());
                ctx.session().persist(record);
                ctx.changed(ChangeEntity.SIGNING_KEY, record.keyId, record.view());
                ctx.audit("signing_key_created", ChangeEntity.SIGNING_KEY, record.keyId, null);
                return record;
            }).value();
        }
        return new TicketSigner(SigningKey.fromPrivateKey(Base64.getDecoder().decode(current.privateKey)), database);
    }

    private static SigningKeyRecord currentServerKey(org.hibernate.Session session) {
        return session.createSelectionQuery("from SigningKeyRecord where owner = :owner and retired is null and revoked = false "
                        + "order by created desc", SigningKeyRecord.class)
                .setParameter("owner", SigningKeyRecord.SERVER)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    public String keyId() {
        return key.keyId();
    }

    /**
     * Signs with the key, or hands back the signature {@link #presign} made of this exact token. A
     * token that differs in any field (another validity window, say) is signed afresh.
     */
    public String sign(TicketToken token) {
        Presigned ahead = presigned.remove(token.ticketId());
        if (ahead != null && ahead.token().equals(token)) {
            return ahead.signed();
        }
        return TicketTokenCodec.encode(token, key);
    }

    /**
     * Signs a token ahead of the transaction that issues it. Signing is a third of the CPU a sale
     * costs and needs nothing from the database, so request threads do it in parallel and the one
     * command applier, which every sale waits on, only looks the signature up.
     */
    public void presign(TicketToken token) {
        if (presigned.size() >= MAX_PRESIGNED) {
            return;
        }
        presigned.put(token.ticketId(), new Presigned(token, TicketTokenCodec.encode(token, key)));
    }

    /** Forgets what {@link #presign} made for a ticket that was not issued (its command was refused). */
    public void discardPresigned(UUID ticketId) {
        presigned.remove(ticketId);
    }

    /** Signs a device's key certificate (see {@link DeviceKeys}). */
    public DeviceCertificate certify(String deviceId, VerifyingKey deviceKey, java.time.Instant notAfter) {
        return DeviceCertificate.issue(key, deviceId, deviceKey, notAfter);
    }

    public VerifyingKey verifyingKey() {
        return key.verifyingKey();
    }

    /** Every public key a gate should accept. */
    public List<PublicKeyView> publicKeys() {
        return database.read(s -> s.createSelectionQuery("from SigningKeyRecord order by created", SigningKeyRecord.class)
                .getResultList().stream().map(SigningKeyRecord::view).toList());
    }
}

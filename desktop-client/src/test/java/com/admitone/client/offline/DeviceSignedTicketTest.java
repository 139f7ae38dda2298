package com.admitone.client.offline;

import com.admitone.client.gate.GateService;
import com.admitone.client.gate.GateSettings;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate on a real local store: tickets signed by a device key, trusted only through a valid certificate. */
class DeviceSignedTicketTest {
    @TempDir
    Path dir;
    LocalStore store;
    ReplicaFixture replica;
    GateService gate;
    final GateSettings settings = new GateSettings(ReplicaFixture.PERFORMANCE, "North door", ScanMode.ENTRY);

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        replica = new ReplicaFixture(store, Instant.now().plus(Duration.ofMinutes(30)), "ACCEPT_OR_MOVE");
        gate = new GateService(store, new Outbox(store, Clock.systemUTC()), Clock.systemUTC(),
                () -> new Outbox.Author("gate-user", "gate-device"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String ticketSignedBy(SigningKey key) {
        TicketToken token = new TicketToken(key.keyId(), UUID.randomUUID(), ReplicaFixture.PERFORMANCE, 3L, null, PriceType.ADULT,
                replica.startsAt.minus(Duration.ofHours(2)), replica.startsAt.plus(Duration.ofHours(3)), 1);
        return TicketTokenCodec.encode(token, key);
    }

    @Test
    void aTicketSignedByACertifiedDeviceIsAdmitted() {
        replica.certifyDevice(Instant.now().plus(Duration.ofDays(365)));
        assertThat(gate.scan(ticketSignedBy(replica.deviceKey), settings).verdict().verdict()).isEqualTo(Verdict.ADMIT);
    }

    @Test
    void aRevokedDevicesTicketIsNotTrusted() {
        DeviceCertificate c = replica.certifyDevice(Instant.now().plus(Duration.ofDays(365)));
        String ticket = ticketSignedBy(replica.deviceKey);
        replica.publishCertificate(c, true);
        assertThat(gate.judge(ticket, settings).verdict()).isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void aDeviceMarkedRevokedInTheFeedIsNotTrustedEvenBeforeItsKeyEntryIs() {
        replica.certifyDevice(Instant.now().plus(Duration.ofDays(365)));
        replica.apply("device", ReplicaFixture.DEVICE, Map.of("name", "Till A", "status", "REVOKED"));
        assertThat(gate.judge(ticketSignedBy(replica.deviceKey), settings).verdict()).isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void aCertificateThatRanOutOrWasNotSignedByTheServerIsNotTrusted() {
        replica.certifyDevice(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(gate.judge(ticketSignedBy(replica.deviceKey), settings).verdict()).isEqualTo(Verdict.UNKNOWN_KEY);

        SigningKey forger = SigningKey.generate();
        SigningKey otherDevice = SigningKey.generate();
        replica.publishCertificate(DeviceCertificate.issue(forger, ReplicaFixture.DEVICE, otherDevice.verifyingKey(),
                Instant.now().plus(Duration.ofDays(30))), false);
        assertThat(gate.judge(ticketSignedBy(otherDevice), settings).verdict()).isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void anUncertifiedDeviceKeyIsUnknown() {
        assertThat(gate.judge(ticketSignedBy(SigningKey.generate()), settings).verdict()).isEqualTo(Verdict.UNKNOWN_KEY);
    }
}

package com.admitone.client.gate;

import com.admitone.client.testing.ClientUnderTest;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's desk work against a real sync server and two real gate replicas: manual look-up by
 * order number and name, the headcount of a group ticket, and the after-the-fact report of a ticket
 * that two offline gates both let in.
 */
class GateDeskIT {
    static TestServer server;
    static ClientUnderTest north;
    static ClientUnderTest south;
    static long performance;
    static Instant startsAt;
    static String orderNumber;
    static String firstToken;

    @TempDir
    static Path northDir;
    @TempDir
    static Path southDir;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start(Backend.SQLITE);
        ApiClient boxOffice = server.loginAs("boxoffice");
        performance = boxOffice.freshTheatrePerformance();
        startsAt = boxOffice.startsAt(performance);
        JsonNode map = boxOffice.seatMap(performance);
        ObjectNode sell = ApiClient.sellCommand(map, ApiClient.seats(map, 0, 2), "ADULT", null);
        sell.putObject("customer").put("name", "Ada Lovelace").put("email", "ada@example.org");
        JsonNode sold = boxOffice.command(sell);
        assertThat(sold.get("status").asText()).isEqualTo("APPLIED");
        orderNumber = sold.at("/data/orderNumber").asText();
        firstToken = sold.at("/data/tickets/0/token").asText();

        north = new ClientUnderTest(northDir, server.baseUrl(), "North gate PC", "gate", "gate-demo");
        south = new ClientUnderTest(southDir, server.baseUrl(), "South gate PC", "gate", "gate-demo");
        north.engine.syncNow().get(180, TimeUnit.SECONDS);
        south.engine.syncNow().get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void tearDown() {
        north.close();
        south.close();
        server.close();
    }

    static Clock atTheDoor(int minutesBefore) {
        return Clock.fixed(startsAt.minus(Duration.ofMinutes(minutesBefore)), ZoneOffset.UTC);
    }

    @Test
    void findsAnOrdersTicketsByNumberAsStaffTypeItAndByName() {
        TicketLookup lookup = new TicketLookup(north.store);
        String typed = orderNumber.replace("-", " ").toLowerCase();

        List<TicketLookup.Match> byNumber = lookup.find(typed, performance);
        assertThat(byNumber).hasSize(2).allSatisfy(m -> {
            assertThat(m.orderNumber()).isEqualTo(orderNumber);
            assertThat(m.customerName()).isEqualTo("Ada Lovelace");
            assertThat(m.status()).isEqualTo("VALID");
            assertThat(m.token()).startsWith(TicketTokenCodec.PREFIX);
            assertThat(m.place()).isNotBlank();
        });
        assertThat(byNumber).extracting(TicketLookup.Match::token).contains(firstToken);
        assertThat(lookup.find("lovelace", performance)).hasSize(2);
        // A gate is sent the name it looks guests up by, never their e-mail or phone.
        assertThat(lookup.find("ada@example", performance)).isEmpty();
        assertThat(lookup.find("Nobody Atall", performance)).isEmpty();
        // Another performance's gate does not see these tickets.
        assertThat(lookup.find("lovelace", performance + 1_000_000)).isEmpty();
    }

    @Test
    void aGroupTicketWaitsForTheHeadcountAndAdmitsNoMoreThanItsNumber() throws Exception {
        String token = GroupTickets.add(south.store, performance, startsAt, 4);
        UUID ticketId = TicketTokenCodec.decode(token).token().ticketId();
        GateService gate = new GateService(south.store, south.outbox, atTheDoor(20), south::author);
        GateSettings settings = new GateSettings(performance, "School entrance", ScanMode.ENTRY);
        long outboxBefore = outboxCount(south);

        GateScan first = gate.scan(token, settings);
        assertThat(first.awaitingHeadcount()).isTrue();
        assertThat(first.headcount()).isEqualTo(4);
        assertThat(outboxCount(south)).as("nothing recorded before staff confirm the headcount").isEqualTo(outboxBefore);

        GateScan three = gate.admitGroup(token, settings, 3);
        assertThat(three.kind()).isEqualTo(Verdict.ADMIT);
        assertThat(three.admittedNow()).isEqualTo(3);
        assertThat(admissions(south, ticketId)).isEqualTo(3);

        GateScan last = gate.scan(token, settings);
        assertThat(last.headcount()).as("one of the four is still outside").isEqualTo(1);
        assertThat(gate.admitGroup(token, settings, 5).admittedNow()).as("never more than the ticket admits").isEqualTo(1);
        assertThat(admissions(south, ticketId)).isEqualTo(4);

        GateScan again = gate.scan(token, settings);
        assertThat(again.kind()).isEqualTo(Verdict.ALREADY_ADMITTED);
        assertThat(again.awaitingHeadcount()).isFalse();
        assertThat(outboxCount(south) - outboxBefore).as("two confirmed headcounts and one refusal").isEqualTo(3);
    }

    @Test
    void aTicketTwoOfflineGatesBothAdmittedIsReportedAfterTheySync() throws Exception {
        JsonNode map = server.loginAs("boxoffice").seatMap(performance);
        JsonNode sold = server.loginAs("boxoffice").command(ApiClient.sellCommand(map, ApiClient.seats(map, 10, 1), "ADULT", null));
        String token = sold.at("/data/tickets/0/token").asText();
        north.engine.syncNow().get(60, TimeUnit.SECONDS);
        south.engine.syncNow().get(60, TimeUnit.SECONDS);
        DuplicateEntries report = new DuplicateEntries(north.store);
        assertThat(report.find(performance)).isEmpty();

        // Both gates judge from their own replica, before either has heard of the other's scan.
        GateScan atNorth = new GateService(north.store, north.outbox, atTheDoor(15), north::author)
                .scan(token, new GateSettings(performance, "North", ScanMode.ENTRY));
        GateScan atSouth = new GateService(south.store, south.outbox, atTheDoor(12), south::author)
                .scan(token, new GateSettings(performance, "South", ScanMode.ENTRY));
        assertThat(atNorth.kind()).isEqualTo(Verdict.ADMIT);
        assertThat(atSouth.kind()).isEqualTo(Verdict.ADMIT);

        south.engine.syncNow().get(60, TimeUnit.SECONDS);
        north.engine.syncNow().get(60, TimeUnit.SECONDS);

        List<DuplicateEntries.Duplicate> duplicates = report.find(performance);
        assertThat(duplicates).hasSize(1);
        DuplicateEntries.Duplicate d = duplicates.get(0);
        assertThat(d.ticketId()).isEqualTo(sold.at("/data/tickets/0/id").asText());
        assertThat(d.admits()).isEqualTo(1);
        assertThat(d.extra()).isEqualTo(1);
        assertThat(d.entries()).extracting(a -> a.gate()).containsExactly("North", "South");
        assertThat(d.orderNumber()).isEqualTo(sold.at("/data/orderNumber").asText());
    }

    /** South's admission reaches North through the server's change feed: North says where and when. */
    @Test
    void anotherGatesAdmissionArrivesThroughTheFeed() throws Exception {
        JsonNode map = server.loginAs("boxoffice").seatMap(performance);
        String token = server.loginAs("boxoffice").command(ApiClient.sellCommand(map, ApiClient.seats(map, 11, 1), "ADULT", null))
                .at("/data/tickets/0/token").asText();
        south.engine.syncNow().get(60, TimeUnit.SECONDS);
        GateScan atSouth = new GateService(south.store, south.outbox, atTheDoor(14), south::author)
                .scan(token, new GateSettings(performance, "South", ScanMode.ENTRY));
        assertThat(atSouth.kind()).isEqualTo(Verdict.ADMIT);

        south.engine.syncNow().get(60, TimeUnit.SECONDS);
        north.engine.syncNow().get(60, TimeUnit.SECONDS);
        GateScan atNorth = new GateService(north.store, north.outbox, atTheDoor(9), north::author)
                .scan(token, new GateSettings(performance, "North", ScanMode.ENTRY));
        assertThat(atNorth.kind()).isEqualTo(Verdict.ALREADY_ADMITTED);
        assertThat(atNorth.verdict().previous().gate()).isEqualTo("South");
        assertThat(atNorth.verdict().previous().at()).isEqualTo(atSouth.at());
    }

    private static long outboxCount(ClientUnderTest client) {
        return client.store.read(s -> s.createSelectionQuery(
                "select count(*) from OutboxItem where commandType = 'RecordScans'", Long.class).getSingleResult());
    }

    private static long admissions(ClientUnderTest client, UUID ticketId) {
        return client.store.read(s -> s.createSelectionQuery(
                        "select count(*) from ScanEntry where ticketId = :t and verdict = 'ADMIT'", Long.class)
                .setParameter("t", ticketId.toString()).getSingleResult());
    }
}

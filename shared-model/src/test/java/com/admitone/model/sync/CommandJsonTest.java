package com.admitone.model.sync;

import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Instant T = Instant.parse("2025-03-14T19:30:00.123Z");

    private static UUID uuid(int n) {
        return new UUID(0x0123456789abcdefL, n);
    }

    /** One command of every kind, with every optional part filled in where the kind has one. */
    private static List<Command> everyCommand() {
        return List.of(
                new Commands.HoldSeats(uuid(1), 42L, List.of(1001L, 1002L),
                        List.of(new Commands.AreaQuantity(7, 3)), 600),
                new Commands.ReleaseHold(uuid(1), List.of(1001L)),
                new Commands.SellSeats(uuid(2), 42L, uuid(1),
                        List.of(new Commands.SaleLine(uuid(3), 1001L, null, PriceType.ADULT, 2500, 0, null),
                                new Commands.SaleLine(uuid(4), 1002L, null, PriceType.CHILD, 1250, 250, "staff"),
                                new Commands.SaleLine(uuid(5), null, 7L, PriceType.FAMILY, 4000, 0, null)),
                        List.of(new Commands.PaymentLine(uuid(6), PaymentMethod.CASH, 7250, null, 8000L),
                                new Commands.PaymentLine(uuid(7), PaymentMethod.VOUCHER,
                                        250, "ref-1", null)),
                        new Commands.Customer("Ada Lovelace", "ada@example.org", null), 250, "loyalty"),
                new Commands.RefundTickets(uuid(8), uuid(2), List.of(uuid(3), uuid(4)), "cancelled show",
                        List.of(new Commands.PaymentLine(uuid(9), PaymentMethod.CASH, -3500, null, null))),
                new Commands.BlockSeats(42L, List.of(2001L, 2002L), "camera position"),
                new Commands.UnblockSeats(42L, List.of(2001L), "camera moved"),
                new Commands.ChangePerformanceStatus(42L, com.admitone.model.programme.PerformanceStatus.SALES_CLOSED,
                        "storm warning"),
                new Commands.RecordScans(List.of(
                        new Commands.ScanRecord(uuid(10), uuid(3), 42L, "North", T, "ADMIT", "ENTRY"),
                        new Commands.ScanRecord(uuid(11), null, null, "North", T, "UNREADABLE", "ENTRY"))),
                new Commands.AllotSeats(uuid(12), 42L, "device-7", List.of(3001L, 3002L),
                        List.of(new Commands.AreaQuantity(7, 20)), T),
                new Commands.RequestStandingAllotment(uuid(13), "device-7", 20, 10, 7),
                new Commands.ReleaseAllotment(uuid(12), List.of(3002L), List.of(new Commands.AreaQuantity(7, 5))),
                new Commands.SellOffline(uuid(14), 42L, uuid(12),
                        List.of(new Commands.OfflineLine(
                                new Commands.SaleLine(uuid(15), 3001L, null, PriceType.ADULT, 2500, 0, null),
                                "AO1.token")),
                        List.of(new Commands.PaymentLine(uuid(16), PaymentMethod.CASH, 2500, null, 3000L)),
                        new Commands.Customer(null, null, "+44 20 7946 0000"), 0, null, T),
                new Commands.ResolveConflict(uuid(17), com.admitone.model.offline.ConflictResolution.REFUND,
                        List.of(), List.of(new Commands.PaymentLine(uuid(18), PaymentMethod.CASH, -2500, null, null)),
                        "customer took a refund"),
                new Commands.ExchangeTickets(uuid(19), uuid(2), List.of(uuid(3)), uuid(20), 43L, uuid(21),
                        List.of(new Commands.SaleLine(uuid(22), 1005L, null, PriceType.ADULT, 3000, 0, null)),
                        List.of(new Commands.PaymentLine(uuid(23), PaymentMethod.CARD, 500, "T-1", null)), List.of(),
                        "other date"),
                new Commands.SetProvisionalPolicy(42L, com.admitone.model.offline.ProvisionalPolicy.ACCEPT_OR_MOVE,
                        "busy night: allow offline sales"));
    }

    @Test
    void theSampleCoversEverySubtype() {
        Set<Class<?>> sampled = everyCommand().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void batchWithEveryCommandRoundTrips() throws Exception {
        List<CommandEnvelope> envelopes = new ArrayList<>();
        int i = 100;
        for (Command command : everyCommand()) {
            envelopes.add(new CommandEnvelope(uuid(i), T.plusSeconds(i), command));
            i++;
        }
        // Sent long after the commands were made (an offline device coming back): both times travel.
        CommandBatch batch = new CommandBatch(envelopes, T.plusSeconds(3600));

        String text = JSON.writeValueAsString(batch);
        CommandBatch back = JSON.readValue(text, CommandBatch.class);

        assertThat(back).isEqualTo(batch);
        assertThat(back.sentAt()).isEqualTo(T.plusSeconds(3600));
        List<Class<?>> expectedTypes = everyCommand().stream().<Class<?>>map(Object::getClass).toList();
        List<Class<?>> actualTypes = back.commands().stream().<Class<?>>map(e -> e.command().getClass()).toList();
        assertThat(actualTypes).isEqualTo(expectedTypes);
    }

    @Test
    void eachCommandNamesItsTypeAndRoundTripsAsACommand() throws Exception {
        for (Command command : everyCommand()) {
            String text = JSON.writeValueAsString(command);
            JsonNode tree = JSON.readTree(text);
            assertThat(tree.get("type").asText()).as(text).isEqualTo(command.getClass().getSimpleName());
            assertThat(JSON.readValue(text, Command.class)).as(text).isEqualTo(command);
        }
    }

    @Test
    void wireShapeOfACommand() throws Exception {
        CommandEnvelope envelope = new CommandEnvelope(uuid(1), T, new Commands.ReleaseHold(uuid(2), List.of()));
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(envelope));
        assertThat(tree.get("key").asText()).isEqualTo("01234567-89ab-cdef-0000-000000000001");
        assertThat(tree.get("deviceTime").asText()).isEqualTo("2025-03-14T19:30:00.123Z");
        assertThat(tree.at("/command/type").asText()).isEqualTo("ReleaseHold");
        assertThat(tree.at("/command/holdId").asText()).isEqualTo("01234567-89ab-cdef-0000-000000000002");
    }

    @Test
    void readsHandWrittenJsonWithOmittedLists() throws Exception {
        String text = """
                {"commands":[
                  {"key":"01234567-89ab-cdef-0000-000000000001","deviceTime":"2025-03-14T19:30:00Z",
                   "command":{"type":"HoldSeats","holdId":"01234567-89ab-cdef-0000-000000000002",
                              "performanceId":42,"seatIds":[5]}},
                  {"key":"01234567-89ab-cdef-0000-000000000003","deviceTime":"2025-03-14T19:30:01Z",
                   "command":{"performanceId":42,"type":"BlockSeats","reason":"kill"}}
                ]}""";
        CommandBatch batch = JSON.readValue(text, CommandBatch.class);
        assertThat(batch.commands()).hasSize(2);
        Commands.HoldSeats hold = (Commands.HoldSeats) batch.commands().get(0).command();
        assertThat(hold.seatIds()).containsExactly(5L);
        assertThat(hold.areas()).isEmpty();
        assertThat(hold.seconds()).isNull();
        assertThat(hold.performanceId()).isEqualTo(42L);
        Commands.BlockSeats block = (Commands.BlockSeats) batch.commands().get(1).command();
        assertThat(block.seatIds()).isEmpty();
    }

    @Test
    void emptyOrMissingBatchReadsAsEmpty() throws Exception {
        assertThat(JSON.readValue("{}", CommandBatch.class).commands()).isEmpty();
        assertThat(JSON.readValue("{\"commands\":[]}", CommandBatch.class).commands()).isEmpty();
    }

    @Test
    void unknownOrMissingTypeIsRejected() {
        assertThatThrownBy(() -> JSON.readValue("{\"type\":\"FormatDisk\"}", Command.class))
                .isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"holdId\":\"01234567-89ab-cdef-0000-000000000002\"}", Command.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void performanceIdIsKnownWhereTheCommandHasOne() {
        List<Command> commands = everyCommand();
        assertThat(commands).extracting(Command::performanceId).containsExactly(42L, null, 42L, null, 42L, 42L, 42L, null,
                42L, null, null, 42L, null, 43L, 42L);
    }

    @Test
    void commandResultsRoundTrip() throws Exception {
        CommandResult applied = new CommandResult(uuid(1), CommandResult.Status.APPLIED, null, null,
                Map.of("orderNumber", "K7Q-3MX", "tickets", List.of("AO1.abc", "AO1.def"), "count", 2),
                1234, T, false);
        CommandResult rejected = new CommandResult(uuid(2), CommandResult.Status.REJECTED, "SEAT_TAKEN",
                "A seat was just taken at another counter.", Map.of("seatIds", List.of(1001, 1002)), 0, T, false);
        CommandResult conflict = new CommandResult(uuid(3), CommandResult.Status.CONFLICT, "SEAT_TAKEN",
                "moved?", null, 0, null, false);
        CommandResults results = new CommandResults(List.of(applied, rejected, conflict, applied.asReplay()), 1234);

        String text = JSON.writeValueAsString(results);
        assertThat(JSON.readValue(text, CommandResults.class)).isEqualTo(results);

        JsonNode tree = JSON.readTree(text);
        assertThat(tree.at("/results/0/status").asText()).isEqualTo("APPLIED");
        assertThat(tree.at("/results/0").has("code")).as("nulls are left out").isFalse();
        assertThat(tree.at("/results/2").has("data")).isFalse();
        assertThat(tree.at("/results/3/replayed").asBoolean()).isTrue();
    }

    @Test
    void asReplayChangesOnlyTheReplayedFlag() {
        CommandResult result = new CommandResult(uuid(1), CommandResult.Status.APPLIED, null, null,
                Map.of("x", 1), 9, T, false);
        CommandResult replay = result.asReplay();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay).usingRecursiveComparison().ignoringFields("replayed").isEqualTo(result);
    }

    @Test
    void changesAndChangePagesRoundTrip() throws Exception {
        Change seat = new Change(17, ChangeEntity.SEAT_STATE, "42:1001", false,
                Map.of("performanceId", 42, "seatId", 1001, "state", "SOLD", "orderId", uuid(2).toString()), T);
        Change gone = new Change(18, ChangeEntity.HOLD, uuid(1).toString(), true, null, T.plusSeconds(1));
        ChangePage page = new ChangePage(List.of(seat, gone), 18, true, 950);

        String text = JSON.writeValueAsString(page);
        assertThat(JSON.readValue(text, ChangePage.class)).isEqualTo(page);
        assertThat(JSON.readValue(JSON.writeValueAsString(seat), Change.class)).isEqualTo(seat);

        JsonNode tree = JSON.readTree(text);
        assertThat(tree.at("/changes/0/entity").asText()).isEqualTo("seat_state");
        assertThat(tree.at("/changes/1").has("data")).as("deleted entries carry no data").isFalse();
        assertThat(tree.at("/changes/1/deleted").asBoolean()).isTrue();
    }

    @Test
    void batchIsImmutable() {
        List<CommandEnvelope> envelopes = new ArrayList<>();
        envelopes.add(new CommandEnvelope(uuid(1), T, new Commands.ReleaseHold(uuid(2), List.of())));
        CommandBatch batch = new CommandBatch(envelopes);
        envelopes.clear();
        assertThat(batch.commands()).hasSize(1);
        assertThatThrownBy(() -> batch.commands().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new CommandBatch(null).commands()).isEmpty();
    }

    @Test
    void everyChangeEntityNameIsDistinct() throws Exception {
        List<Object> names = new ArrayList<>();
        for (var field : ChangeEntity.class.getFields()) {
            names.add(field.get(null));
        }
        assertThat(names).isNotEmpty().doesNotHaveDuplicates();
    }
}

package com.admitone.server.http;

import com.admitone.model.auth.Role;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.problem.Problem;
import com.admitone.model.programme.PerformanceStatus;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.ChangePage;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.CommandResult;
import com.admitone.model.sync.CommandResults;
import com.admitone.model.sync.Commands;
import com.admitone.model.venue.SeatFlag;
import com.admitone.server.audit.AuditRecord;
import com.admitone.server.auth.AuthController;
import com.admitone.server.auth.DeviceView;
import com.admitone.server.auth.Enrolment;
import com.admitone.server.auth.LoginResult;
import com.admitone.server.auth.UserView;
import com.admitone.server.keys.PublicKeyView;
import com.admitone.server.programme.PerformanceSummary;
import com.admitone.server.programme.SeatMap;
import com.admitone.server.sales.OrderView;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the server serves describes the server as it runs: the same routes with
 * the same roles, the same record shapes, codes and enums, and real answers that fit the schemas.
 */
class OpenApiDocumentIT {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static TestServer server;
    private static ApiClient anonymous;
    private static ApiClient boxOffice;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.SQLITE);
        anonymous = new ApiClient(server.baseUrl());
        boxOffice = server.loginAs("boxoffice");
        ApiClient.Response response = anonymous.get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentIsOpenApi31WithInfoAndBearerSecurity() {
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/deviceId/name").asText()).isEqualTo("X-Device-Id");
        assertThat(document.at("/components/securitySchemes/deviceSecret/name").asText()).isEqualTo("X-Device-Secret");
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndNothingElse() {
        Set<String> registered = server.server().routes().stream()
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(operations().keySet());

        assertThat(registered).isNotEmpty();
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void everyOperationDeclaresTheRolesOfItsRoute() {
        Map<String, JsonNode> operations = operations();
        for (RouteInfo route : server.server().routes()) {
            String key = route.method() + " " + route.path();
            JsonNode operation = operations.get(key);
            assertThat(operation).as(key).isNotNull();
            assertThat(strings(operation.get("x-roles"))).as("x-roles of " + key).isEqualTo(route.roles());
            assertThat(operation.path("summary").asText()).as("summary of " + key).isNotBlank();
            assertThat(operation.path("description").asText()).as("description of " + key).isNotBlank();
            assertThat(operation.path("responses").size()).as("responses of " + key).isPositive();
            boolean open = route.roles().contains(Access.ANYONE.name());
            if (!open) {
                assertThat(operation.has("security")).as(key + " keeps the default bearer security").isFalse();
                assertThat(operation.at("/responses/401").isMissingNode()).as(key + " documents 401").isFalse();
                assertThat(operation.at("/responses/403").isMissingNode()).as(key + " documents 403").isFalse();
            }
        }
    }

    @Test
    void everyErrorCodeIsListedWithItsHttpStatus() {
        JsonNode schema = schema("ErrorCode");
        Map<String, Integer> expected = new TreeMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            expected.put(code.name(), code.status());
        }
        Map<String, Integer> documented = new TreeMap<>();
        schema.get("x-http-status").fields().forEachRemaining(e -> documented.put(e.getKey(), e.getValue().asInt()));

        assertThat(strings(schema.get("enum"))).isEqualTo(expected.keySet());
        assertThat(documented).isEqualTo(expected);
        assertThat(schema("Problem").at("/properties/code/$ref").asText()).isEqualTo("#/components/schemas/ErrorCode");
    }

    @Test
    void everyCommandTypeIsAOneOfBranchWithADiscriminator() {
        JsonNode command = schema("Command");
        Set<String> expected = Arrays.stream(Command.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(command.at("/discriminator/propertyName").asText()).isEqualTo("type");
        assertThat(fieldNames(command.at("/discriminator/mapping"))).isEqualTo(expected);
        Set<String> branches = new TreeSet<>();
        for (JsonNode branch : command.get("oneOf")) {
            String name = branch.get("$ref").asText().replace("#/components/schemas/", "");
            branches.add(name);
            assertThat(schema(name).at("/properties/type/const").asText()).isEqualTo(name);
            assertThat(strings(schema(name).get("required"))).contains("type");
        }
        assertThat(branches).isEqualTo(expected);
    }

    @Test
    void recordSchemasHaveExactlyTheRecordsProperties() {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        records.put("LoginRequest", AuthController.LoginRequest.class);
        records.put("EnrolRequest", AuthController.EnrolRequest.class);
        records.put("CreateUserRequest", AuthController.CreateUserRequest.class);
        records.put("LoginResult", LoginResult.class);
        records.put("Me", com.admitone.server.auth.AuthController.Me.class);
        records.put("Enrolment", Enrolment.class);
        records.put("DeviceView", DeviceView.class);
        records.put("UserView", UserView.class);
        records.put("PerformanceSummary", PerformanceSummary.class);
        records.put("SeatMap", SeatMap.class);
        records.put("SeatView", SeatMap.SeatView.class);
        records.put("AreaView", SeatMap.AreaView.class);
        records.put("PriceView", SeatMap.PriceView.class);
        records.put("OrderView", OrderView.class);
        records.put("PublicKeyView", PublicKeyView.class);
        records.put("AuditRecord", AuditRecord.class);
        records.put("Problem", Problem.class);
        records.put("CommandBatch", CommandBatch.class);
        records.put("CommandEnvelope", CommandEnvelope.class);
        records.put("CommandResult", CommandResult.class);
        records.put("CommandResults", CommandResults.class);
        records.put("Change", Change.class);
        records.put("ChangePage", ChangePage.class);
        records.put("AreaQuantity", Commands.AreaQuantity.class);
        records.put("SaleLine", Commands.SaleLine.class);
        records.put("PaymentLine", Commands.PaymentLine.class);
        records.put("Customer", Commands.Customer.class);
        records.put("ApprovalRequest", com.admitone.server.sales.RefundApprovals.ApprovalRequest.class);
        records.put("Approval", com.admitone.server.sales.RefundApprovals.Approval.class);
        records.put("RefundPolicy", com.admitone.server.sales.RefundApprovals.Policy.class);
        records.put("PolicyRequest", com.admitone.server.sales.ApprovalController.PolicyRequest.class);
        for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
            records.put(type.name(), type.value());
        }
        for (Map.Entry<String, Class<?>> entry : records.entrySet()) {
            Set<String> components = Arrays.stream(entry.getValue().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (Command.class.isAssignableFrom(entry.getValue())) {
                components.add("type");
            }
            assertThat(fieldNames(schema(entry.getKey()).get("properties"))).as(entry.getKey()).isEqualTo(components);
        }
    }

    @Test
    void numbersARequestMustCarryAreRequired() {
        // The server's JSON reading refuses a missing primitive, so such a property must be marked required.
        List<Class<?>> requests = new ArrayList<>(List.of(Commands.AreaQuantity.class, Commands.SaleLine.class,
                Commands.PaymentLine.class));
        for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
            requests.add(type.value());
        }
        for (Class<?> request : requests) {
            String name = request.getSimpleName();
            Set<String> required = strings(schema(name).get("required"));
            for (RecordComponent component : request.getRecordComponents()) {
                if (component.getType().isPrimitive()) {
                    assertThat(required).as(name + "." + component.getName()).contains(component.getName());
                }
            }
        }
    }

    @Test
    void enumsMatchTheCode() throws IllegalAccessException {
        assertThat(strings(schema("PriceType").get("enum"))).isEqualTo(names(PriceType.values()));
        assertThat(strings(schema("PaymentMethod").get("enum"))).isEqualTo(names(PaymentMethod.values()));
        assertThat(strings(schema("SeatState").get("enum"))).isEqualTo(names(SeatState.values()));
        assertThat(strings(schema("SeatFlag").get("enum"))).isEqualTo(names(SeatFlag.values()));
        assertThat(strings(schema("PerformanceStatus").get("enum"))).isEqualTo(names(PerformanceStatus.values()));
        assertThat(strings(schema("CommandResult").at("/properties/status/enum"))).isEqualTo(names(CommandResult.Status.values()));
        assertThat(strings(schema("Role").get("enum")))
                .isEqualTo(Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.toSet()));
        Set<String> entities = new TreeSet<>();
        for (Field field : ChangeEntity.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                entities.add((String) field.get(null));
            }
        }
        assertThat(strings(schema("ChangeEntity").get("enum"))).isEqualTo(entities);
    }

    @Test
    void theSwaggerUiPageLoadsItsFilesFromTheServer() {
        ApiClient.Response page = anonymous.get("/openapi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/openapi.json");
        Matcher files = Pattern.compile("(?:href|src)=\"(/webjars/swagger-ui/[^\"]+)\"").matcher(page.body());
        List<String> paths = new ArrayList<>();
        while (files.find()) {
            paths.add(files.group(1));
        }

        assertThat(paths).anyMatch(p -> p.endsWith("/swagger-ui.css")).anyMatch(p -> p.endsWith("/swagger-ui-bundle.js"));
        for (String path : paths) {
            ApiClient.Response file = anonymous.get(path);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.body()).as(path).isNotEmpty();
        }
    }

    @Test
    void realAnswersFitTheDocumentedSchemas() {
        assertConforms(anonymous.get("/health").json(), "Health");
        assertConforms(boxOffice.get("/api/auth/me").json(), "Me");
        assertConforms(boxOffice.get("/api/keys").json().get(0), "PublicKeyView");

        JsonNode performances = boxOffice.get("/api/performances").json();
        assertThat(performances.size()).isPositive();
        for (JsonNode performance : performances) {
            assertConforms(performance, "PerformanceSummary");
        }
        long theatre = boxOffice.freshTheatrePerformance();
        JsonNode seatMap = boxOffice.seatMap(theatre);
        assertConforms(seatMap, "SeatMap");
        assertConforms(boxOffice.seatMap(boxOffice.firstGalleryPerformance()), "SeatMap");

        UUID holdId = UUID.randomUUID();
        List<JsonNode> seats = ApiClient.seats(seatMap, 0, 2);
        List<Long> seatIds = seats.stream().map(seat -> seat.get("id").asLong()).toList();
        JsonNode hold = results(List.of(ApiClient.holdCommand(theatre, holdId, seatIds, 120))).get(0);
        assertConforms(hold, "CommandResult");
        assertConforms(hold.get("data"), "HoldSeatsResult");
        assertThat(seatMapSeat(boxOffice.seatMap(theatre), seatIds.get(0)).has("holdDeviceId")).isTrue();
        assertConforms(boxOffice.seatMap(theatre), "SeatMap");

        ApiClient.Response sale = boxOffice.post("/api/commands", batch(List.of(ApiClient.sellCommand(seatMap, seats, "ADULT", holdId))));
        assertConforms(sale.json(), "CommandResults");
        JsonNode sold = sale.json().at("/results/0");
        assertThat(sold.get("status").asText()).isEqualTo("APPLIED");
        assertConforms(sold.get("data"), "SellSeatsResult");

        JsonNode again = results(List.of(ApiClient.holdCommand(theatre, UUID.randomUUID(), seatIds, null))).get(0);
        assertConforms(again, "CommandResult");
        assertThat(again.get("status").asText()).isEqualTo("REJECTED");
        assertThat(again.get("code").asText()).isEqualTo("SEAT_TAKEN");

        String orderNumber = sold.at("/data/orderNumber").asText();
        ObjectNode refund = JSON.createObjectNode();
        refund.put("type", "RefundTickets");
        refund.put("orderId", sold.at("/data/orderId").asText());
        refund.putArray("ticketIds").add(sold.at("/data/tickets/0/id").asText());
        refund.put("reason", "changed plans");
        JsonNode refunded = results(List.of(refund)).get(0);
        assertThat(refunded.get("status").asText()).isEqualTo("APPLIED");
        assertConforms(refunded.get("data"), "RefundTicketsResult");
        assertConforms(boxOffice.get("/api/orders/" + orderNumber).json(), "OrderView");

        JsonNode page = boxOffice.get("/api/changes?after=0&limit=5000").json();
        assertConforms(page, "ChangePage");
        Map<String, String> dataSchemas = changeDataSchemas();
        Set<String> seen = new TreeSet<>();
        for (JsonNode change : page.get("changes")) {
            String entity = change.get("entity").asText();
            seen.add(entity);
            if (change.get("deleted").asBoolean()) {
                assertThat(change.has("data")).as("a deletion carries no data: " + change).isFalse();
            } else {
                assertConforms(change.get("data"), dataSchemas.get(entity));
            }
        }
        assertThat(seen).contains("venue", "section", "seat", "area", "event", "performance", "price", "area_state",
                "signing_key", "device", "seat_state", "hold", "order", "ticket", "payment");
    }

    @Test
    void managerAndAdminAnswersFitTheDocumentedSchemas() {
        ApiClient manager = server.loginAs("manager");
        for (JsonNode device : manager.get("/api/devices").json()) {
            assertConforms(device, "DeviceView");
        }
        for (JsonNode line : manager.get("/api/audit?limit=50").json()) {
            assertConforms(line, "AuditRecord");
        }
        ApiClient admin = server.loginAs("admin");
        for (JsonNode user : admin.get("/api/users").json()) {
            assertConforms(user, "UserView");
        }
        JsonNode performances = manager.get("/api/performances").json();
        ObjectNode close = JSON.createObjectNode();
        close.put("type", "ChangePerformanceStatus");
        close.put("performanceId", performances.get(performances.size() - 1).get("id").asLong());
        close.put("status", "SALES_CLOSED");
        close.put("reason", "schema check");
        ObjectNode batch = JSON.createObjectNode();
        batch.withArray("commands").add(ApiClient.envelope(UUID.randomUUID(), close));
        ApiClient.Response closed = manager.post("/api/commands", batch);
        assertConforms(closed.json(), "CommandResults");
        assertThat(closed.json().at("/results/0/status").asText()).isEqualTo("APPLIED");
        assertConforms(closed.json().at("/results/0/data"), "ChangePerformanceStatusResult");

        ApiClient fresh = new ApiClient(server.baseUrl());
        ApiClient.Response enrolled = fresh.post("/api/devices/enrol",
                Map.of("name", "schema check", "username", "manager", "password", "manager-demo"));
        assertThat(enrolled.status()).isEqualTo(201);
        assertConforms(enrolled.json(), "Enrolment");
    }

    @Test
    void problemsFitTheProblemSchemaAndCarryTheirCodesStatus() {
        List<ApiClient.Response> problems = List.of(
                boxOffice.get("/api/performances/999999/seats"),
                boxOffice.get("/api/orders/NOPE-123"),
                boxOffice.get("/api/audit"),
                anonymous.get("/api/changes"),
                boxOffice.get("/api/changes?after=-1"),
                boxOffice.raw("POST", "/api/commands", "{not json", "application/json"),
                anonymous.post("/api/auth/login", Map.of("username", "x", "password", "y")),
                anonymous.get("/api/no-such-route"));
        JsonNode statuses = schema("ErrorCode").get("x-http-status");
        for (ApiClient.Response response : problems) {
            assertThat(response.isProblem()).as(response.body()).isTrue();
            JsonNode problem = response.json();
            assertConforms(problem, "Problem");
            assertThat(problem.get("status").asInt()).isEqualTo(response.status());
            assertThat(statuses.path(problem.get("code").asText()).asInt()).as(problem.toString()).isEqualTo(response.status());
        }
    }

    @Test
    void theLiveStreamSendsTheDocumentedSeqEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/changes/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + boxOffice.token())
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(lines.readLine()).isEqualTo("event: seq");
            String data = lines.readLine();
            assertThat(data).startsWith("data: ");
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertConforms(event, "SeqEvent");
            JsonNode documented = operations().get("GET /api/changes/stream");
            assertThat(documented.at("/responses/200/content/text~1event-stream").isMissingNode()).isFalse();
            assertThat(documented.at("/x-sse-events/0/event").asText()).isEqualTo("seq");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every documented operation as "METHOD /path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    private static Map<String, String> changeDataSchemas() {
        // The ChangeEntity description lists "- `entity` (data: Schema): ..." for every kind.
        Map<String, String> map = new TreeMap<>();
        Matcher m = Pattern.compile("- `([a-z_]+)` \\(data: ([A-Za-z]+)\\)").matcher(schema("ChangeEntity").get("description").asText());
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        assertThat(map.keySet()).isEqualTo(strings(schema("ChangeEntity").get("enum")));
        return map;
    }

    private static JsonNode results(List<ObjectNode> commands) {
        ApiClient.Response response = boxOffice.post("/api/commands", batch(commands));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertConforms(response.json(), "CommandResults");
        return response.json().get("results");
    }

    private static ObjectNode batch(List<ObjectNode> commands) {
        ObjectNode batch = JSON.createObjectNode();
        commands.forEach(c -> batch.withArray("commands").add(ApiClient.envelope(UUID.randomUUID(), c)));
        return batch;
    }

    private static JsonNode seatMapSeat(JsonNode seatMap, long seatId) {
        for (JsonNode seat : seatMap.get("seats")) {
            if (seat.get("id").asLong() == seatId) {
                return seat;
            }
        }
        throw new AssertionError("no seat " + seatId);
    }

    private static JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private static void assertConforms(JsonNode value, String schemaName) {
        assertConforms(value, schema(schemaName), schemaName);
    }

    /**
     * A light check of a value against a schema: required properties are there, JSON types and
     * enums match, and an object whose schema lists its properties (and does not allow others)
     * sends nothing undocumented.
     */
    private static void assertConforms(JsonNode value, JsonNode schema, String where) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            assertConforms(value, schema(name), where);
            return;
        }
        assertThat(value).as(where).isNotNull();
        assertThat(value.isNull()).as(where + " is not null (absent values are left out)").isFalse();
        if (schema.has("enum")) {
            assertThat(strings(schema.get("enum"))).as(where).contains(value.asText());
        }
        if (schema.has("const")) {
            assertThat(value.asText()).as(where).isEqualTo(schema.get("const").asText());
        }
        switch (schema.path("type").asText("")) {
            case "object" -> {
                assertThat(value.isObject()).as(where + " is an object").isTrue();
                for (JsonNode name : schema.path("required")) {
                    assertThat(value.has(name.asText())).as(where + " has required " + name.asText() + ": " + value).isTrue();
                }
                JsonNode properties = schema.path("properties");
                boolean openEnded = schema.path("additionalProperties").asBoolean(false);
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (properties.has(name)) {
                        assertConforms(value.get(name), properties.get(name), where + "." + name);
                    } else if (!openEnded && !properties.isEmpty()) {
                        throw new AssertionError(where + " sends an undocumented property " + name + ": " + value);
                    }
                }
            }
            case "array" -> {
                assertThat(value.isArray()).as(where + " is an array").isTrue();
                int i = 0;
                for (JsonNode item : value) {
                    assertConforms(item, schema.get("items"), where + "[" + i++ + "]");
                }
            }
            case "string" -> assertThat(value.isTextual()).as(where + " is a string: " + value).isTrue();
            case "integer" -> assertThat(value.isIntegralNumber()).as(where + " is an integer: " + value).isTrue();
            case "number" -> assertThat(value.isNumber()).as(where + " is a number: " + value).isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as(where + " is a boolean: " + value).isTrue();
            default -> {
                // oneOf/anyOf without a type: checked where the caller knows the branch
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode node : array) {
            out.add(node.asText());
        }
        return out;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}

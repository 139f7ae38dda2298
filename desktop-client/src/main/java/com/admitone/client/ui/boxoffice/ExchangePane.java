package com.admitone.client.ui.boxoffice;

import com.admitone.client.auth.Cashier;
import com.admitone.client.print.MoneyFormat;
import com.admitone.client.sales.Counter;
import com.admitone.client.sales.ExchangeQuote;
import com.admitone.client.sales.Printouts;
import com.admitone.client.sales.RefundApprovalLimits;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.ui.boxoffice.seatmap.MapSeat;
import com.admitone.client.ui.boxoffice.seatmap.PriceZone;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapLegend;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.client.ui.common.ChoiceText;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.auth.Role;
import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The exchange workflow of the Orders tab: the tickets ticked on an order are given back for new
 * seats, picked on a seat map of the same performance (the default) or another one; each new seat
 * gets a price type; the pane shows what the old tickets are worth, what the new ones cost and the
 * difference, takes it (cash with change, or card) or pays it back, asks a manager to approve a
 * pay-out above the venue's limit, and sends one {@link Commands.ExchangeTickets} through the outbox.
 * New seats are held on the server while they are picked, like a sale. When the server has
 * confirmed, the new tickets are saved as PDF. Everything that reads the replica or waits for the
 * server runs on the background executor; this class only touches the scene graph.
 */
final class ExchangePane {
    /** What the pane needs from the box office. {@code finished} is told the old order's id when the pane closes. */
    record Context(Counter counter, Executor background, Failures failures, ProblemMessages problems, Supplier<ServerApi> api,
                   Supplier<Cashier> cashier, RefundApprovalLimits limits, Printouts printouts, Path printFolder,
                   MoneyFormat money, DateTimeFormatter when, Consumer<String> finished) {
    }

    private final Context ctx;
    private final Counter counter;

    private final VBox root = new VBox(8);
    private final Label heading = new Label();
    private final Label givingBack = new Label();
    private final ComboBox<Counter.PerformanceRow> performance = new ComboBox<>();
    private final SeatMapView seatMap = new SeatMapView();
    private final GridPane lines = new GridPane();
    private final Label creditLabel = new Label();
    private final Label totalLabel = new Label();
    private final Label differenceLabel = new Label();
    private final ComboBox<PaymentMethod> method = new ComboBox<>();
    private final TextField tendered = new TextField();
    private final TextField reference = new TextField();
    private final TextField reason = new TextField();
    private final VBox approvalBox = new VBox(4);
    private final TextField managerUser = new TextField();
    private final PasswordField managerPassword = new PasswordField();
    private final Button confirm = new Button("Exchange  Ctrl+Enter");
    private final Button cancel = new Button("Cancel");
    private final Label message = new Label();
    private final VBox resultBox = new VBox(6);
    private final Label result = new Label();
    private final Label saved = new Label();

    // state (JavaFX thread only)
    private Counter.OrderDetail order;
    private List<String> ticketIds = List.of();
    private Counter.Plan plan;
    private UUID holdId;
    private final Set<Long> held = new LinkedHashSet<>();
    private final Map<Long, PriceType> priceTypes = new LinkedHashMap<>();
    private long approvalLimit = RefundApprovalLimits.DEFAULT_MINOR;
    private boolean quiet;
    private boolean busy;
    private final SeatStateRefresh seatStates;

    ExchangePane(Context ctx) {
        this.ctx = ctx;
        this.counter = ctx.counter();
        this.seatStates = new SeatStateRefresh(counter, ctx.background(), snapshot -> {
            if (plan != null) {
                applySnapshot(snapshot);
            }
        });
        build();
        counter.onReplicaChange(this::replicaChanged);
    }

    Node node() {
        return root;
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        heading.getStyleClass().add("section-title");
        heading.setId("exchangeHeading");
        givingBack.setId("exchangeGivingBack");
        givingBack.setWrapText(true);
        performance.setId("exchangePerformance");
        performance.setMaxWidth(Double.MAX_VALUE);
        performance.setConverter(ChoiceText.converter(row -> row.title() + "  ·  " + ctx.when().format(row.startsAt().atZone(row.zone()))
                + "  ·  " + row.free() + " left"));
        performance.setCellFactory(ChoiceText.cells(row -> performance.getConverter().toString(row)));
        performance.valueProperty().addListener((o, a, row) -> {
            if (row != null && (plan == null || plan.performanceId() != row.id())) {
                loadPlan(row.id());
            }
        });
        seatMap.setId("exchangeSeatMap");
        seatMap.setLocale(ctx.money().locale());
        seatMap.setSelectableStatuses(EnumSet.of(SeatStatus.FREE, SeatStatus.HELD_BY_ME));
        seatMap.setMinSize(200, 260);
        seatMap.setPrefSize(480, 420);
        seatMap.getSelection().getSelectedIds().addListener((SetChangeListener<Long>) change -> {
            if (!quiet) {
                Platform.runLater(this::selectionChanged);
            }
        });
        lines.setId("exchangeLines");
        lines.setHgap(8);
        lines.setVgap(4);

        creditLabel.setId("exchangeCredit");
        totalLabel.setId("exchangeNewTotal");
        differenceLabel.setId("exchangeDifference");
        differenceLabel.getStyleClass().add("basket-total");
        differenceLabel.setWrapText(true);
        GridPane sums = new GridPane();
        sums.setHgap(12);
        sums.setVgap(2);
        Label worth = new Label("Old tickets are worth");
        Label cost = new Label("New tickets cost");
        for (Label l : List.of(worth, cost, creditLabel, totalLabel)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        sums.addRow(0, worth, creditLabel);
        sums.addRow(1, cost, totalLabel);
        sums.add(differenceLabel, 0, 2, 2, 1);

        method.setId("exchangeMethod");
        method.getItems().setAll(PaymentMethod.CASH, PaymentMethod.CARD);
        method.setValue(PaymentMethod.CASH);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PaymentMethod m) {
                return m == null ? "" : m == PaymentMethod.CARD ? "Card"
                        : "Cash";
            }

            @Override
            public PaymentMethod fromString(String text) {
                return method.getValue();
            }
        });
        method.valueProperty().addListener((o, a, b) -> updateQuote());
        tendered.setId("exchangeTendered");
        tendered.setPromptText("Cash tendered");
        tendered.textProperty().addListener((o, a, b) -> updateQuote());
        reference.setId("exchangeReference");
        reference.setPromptText("Terminal reference");
        reason.setId("exchangeReason");
        reason.setPromptText("Reason for the exchange (required)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox settle = new HBox(6, method, tendered, reference);
        settle.setAlignment(Pos.CENTER_LEFT);

        Label approvalTitle = new Label("A manager approves pay-outs above the venue's limit:");
        approvalTitle.setId("exchangeApprovalTitle");
        approvalTitle.setWrapText(true);
        managerUser.setId("exchangeManagerUser");
        managerUser.setPromptText("Manager's username");
        managerPassword.setId("exchangeManagerPassword");
        managerPassword.setPromptText("Manager's password");
        approvalBox.getChildren().setAll(approvalTitle, new HBox(6, managerUser, managerPassword));
        approvalBox.getStyleClass().add("payment-box");
        approvalBox.setPadding(new Insets(6));
        show(approvalBox, false);

        confirm.setId("exchangeConfirm");
        confirm.setOnAction(e -> confirm());
        cancel.setId("exchangeCancel");
        cancel.setOnAction(e -> close());
        reason.setOnAction(e -> confirm());
        tendered.setOnAction(e -> confirm());
        managerPassword.setOnAction(e -> confirm());
        root.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                confirm();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !busy) {
                e.consume();
                close();
            }
        });
        message.setId("exchangeMessage");
        message.setWrapText(true);
        message.getStyleClass().add("bo-message");

        result.setId("exchangeResult");
        result.getStyleClass().add("order-number");
        result.setWrapText(true);
        // Wrapped labels in a VBox get one line unless they may be as tall as their text.
        result.setMinHeight(Region.USE_PREF_SIZE);
        saved.setId("exchangeSaved");
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        saved.getStyleClass().add("text-muted");
        Button again = new Button("Save new tickets as PDF again");
        again.setId("exchangeSaveAgain");
        again.setOnAction(e -> saveTickets(resultOrderId));
        Button done = new Button("Back to the order");
        done.setId("exchangeDone");
        done.setOnAction(e -> close());
        resultBox.getChildren().setAll(result, saved, new FlowPane(6, 6, again, done));
        show(resultBox, false);

        Label pickTitle = new Label("New seats (click, or arrows and Space)");
        pickTitle.getStyleClass().add("subsection-title");
        pickTitle.setWrapText(true);
        VBox.setVgrow(seatMap, Priority.ALWAYS);
        VBox mapColumn = new VBox(6, pickTitle, seatMap, new SeatMapLegend(seatMap));
        HBox.setHgrow(mapColumn, Priority.ALWAYS);
        Label linesTitle = new Label("New tickets");
        linesTitle.getStyleClass().add("subsection-title");
        VBox controls = new VBox(8, linesTitle, lines, new Separator(), sums, settle, reason, approvalBox,
                new FlowPane(6, 6, confirm, cancel), message, resultBox);
        controls.setPrefWidth(360);
        controls.setMinWidth(320);
        HBox body = new HBox(12, mapColumn, controls);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label performanceLabel = new Label("Performance");
        performanceLabel.setMinWidth(Region.USE_PREF_SIZE); // the combo box shrinks, not the word
        HBox which = new HBox(8, performanceLabel, performance);
        which.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(performance, Priority.ALWAYS);
        root.getChildren().setAll(heading, givingBack, which, body);
        root.setPadding(new Insets(10));
        root.setId("exchangePane");
    }

    private String resultOrderId;

    // ---------------------------------------------------------------- opening

    /** Starts an exchange of {@code tickets} (ids) of {@code order}. */
    void open(Counter.OrderDetail order, List<String> tickets) {
        this.order = order;
        this.ticketIds = List.copyOf(tickets);
        plan = null;
        seatStates.show(-1);
        holdId = null;
        held.clear();
        priceTypes.clear();
        busy = false;
        confirm.setDisable(false);
        show(resultBox, false);
        resultOrderId = null;
        reason.clear();
        tendered.clear();
        reference.clear();
        managerUser.clear();
        managerPassword.clear();
        message.setText("");
        message.pseudoClassStateChanged(OK, false);
        heading.setText("Exchange tickets of order " + order.number());
        List<String> places = new ArrayList<>();
        for (Counter.TicketRow t : order.tickets()) {
            if (ticketIds.contains(t.id())) {
                places.add((t.seatLabel() != null ? t.section() + " " + t.seatLabel() : t.areaName()) + " ("
                        + label(t.priceType()) + ")");
            }
        }
        givingBack.setText("Giving back: " + String.join(", ", places) + "  ·  " + order.title() + ", "
                + ctx.when().format(order.startsAt().atZone(order.zone())));
        long orderPerformance = order.performanceId();
        Tasks.create(() -> {
                    List<Counter.PerformanceRow> rows = counter.performances(null, null, 300).stream()
                            .filter(r -> r.seated() && "ON_SALE".equals(r.status())).toList();
                    long limit = ctx.limits().limitFor(counter.venueOf(orderPerformance));
                    return new Object[]{rows, limit};
                })
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked")
                    List<Counter.PerformanceRow> rows = (List<Counter.PerformanceRow>) r[0];
                    approvalLimit = (Long) r[1];
                    performance.getItems().setAll(rows);
                    rows.stream().filter(row -> row.id() == orderPerformance).findFirst()
                            .or(() -> rows.stream().findFirst())
                            .ifPresent(performance::setValue);
                    updateQuote();
                    performance.requestFocus();
                })
                .onError(e -> message.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
        updateQuote();
    }

    private void loadPlan(long performanceId) {
        releaseHold();
        quiet = true;
        try {
            seatMap.getSelection().clear();
        } finally {
            quiet = false;
        }
        priceTypes.clear();
        Tasks.create(() -> new Object[]{counter.plan(performanceId), counter.snapshot(performanceId)})
                .onSuccess(r -> showPlan((Counter.Plan) r[0], (Counter.Snapshot) r[1]))
                .onError(e -> message.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    private void showPlan(Counter.Plan newPlan, Counter.Snapshot snapshot) {
        plan = newPlan;
        seatStates.show(newPlan.performanceId());
        quiet = true;
        try {
            seatMap.setSeats(PlanOnSeatMap.seats(newPlan), PlanOnSeatMap.zones(newPlan, newPlan.prices().keySet(), ctx.money()));
        } finally {
            quiet = false;
        }
        seatMap.setPriceLookup(PlanOnSeatMap.adultPrice(newPlan));
        applySnapshot(snapshot);
        seatMap.fitToWindow();
        updateLines();
    }

    private void replicaChanged() {
        seatStates.refresh();
    }

    private void applySnapshot(Counter.Snapshot snapshot) {
        Map<Long, SeatStatus> changes = new HashMap<>();
        for (MapSeat seat : seatMap.getSeats()) {
            Counter.SeatView view = snapshot.seats().get(seat.id());
            SeatStatus status = view == null ? SeatStatus.FREE : SeatStatus.of(view.state(), view.mine());
            if (status == SeatStatus.FREE && held.contains(seat.id())) {
                continue; // our hold is on its way
            }
            if (seatMap.getStatus(seat.id()) != status) {
                changes.put(seat.id(), status);
            }
        }
        quiet = true;
        try {
            seatMap.setStatuses(changes);
        } finally {
            quiet = false;
        }
        // While the exchange is sent (or once it is done) our own new seats turn sold: that is no loss.
        if (!busy && resultOrderId == null && !seatMap.getSelection().getSelectedIds().containsAll(priceTypes.keySet())) {
            message.setText(ctx.problems().forCode("SEAT_TAKEN", null));
            selectionChanged();
        }
    }

    // ---------------------------------------------------------------- seats and holds

    private void selectionChanged() {
        if (plan == null) {
            return;
        }
        Set<Long> selected = new LinkedHashSet<>(seatMap.getSelection().getSelectedIds());
        List<Long> added = selected.stream().filter(id -> !priceTypes.containsKey(id)).toList();
        List<Long> removed = priceTypes.keySet().stream().filter(id -> !selected.contains(id)).toList();
        for (Long id : added) {
            Map<PriceType, Long> prices = plan.prices().getOrDefault(seatMap.getSeat(id).zone(), Map.of());
            priceTypes.put(id, prices.containsKey(PriceType.ADULT) ? PriceType.ADULT : prices.keySet().stream().findFirst().orElse(PriceType.ADULT));
        }
        removed.forEach(priceTypes::remove);
        List<Long> toHold = added.stream().filter(held::add).toList();
        List<Long> toRelease = removed.stream().filter(held::remove).toList();
        if (holdId == null && !toHold.isEmpty()) {
            holdId = UUID.randomUUID();
        }
        UUID hold = holdId;
        long performanceId = plan.performanceId();
        if (!toHold.isEmpty() || !toRelease.isEmpty()) {
            Tasks.create(() -> {
                        if (!toRelease.isEmpty()) {
                            counter.release(hold, toRelease);
                        }
                        return toHold.isEmpty() ? null : counter.await(counter.hold(hold, performanceId, toHold), Duration.ofSeconds(5));
                    })
                    .onSuccess(outcome -> {
                        if (outcome != null && outcome.rejected()) {
                            message.setText(ctx.problems().forCode(outcome.code(), outcome.message()));
                            quiet = true;
                            try {
                                toHold.forEach(id -> {
                                    held.remove(id);
                                    seatMap.getSelection().deselect(id);
                                    priceTypes.remove(id);
                                });
                            } finally {
                                quiet = false;
                            }
                            updateLines();
                        }
                    })
                    .onError(e -> message.setText(ctx.failures().sentence(e)))
                    .runOn(ctx.background());
        }
        updateLines();
    }

    private void releaseHold() {
        UUID hold = holdId;
        holdId = null;
        held.clear();
        if (hold != null) {
            Tasks.create(() -> counter.release(hold, List.of())).onError(e -> { }).runOn(ctx.background());
        }
    }

    private void updateLines() {
        lines.getChildren().clear();
        int i = 0;
        for (Map.Entry<Long, PriceType> entry : priceTypes.entrySet()) {
            long seatId = entry.getKey();
            MapSeat seat = seatMap.getSeat(seatId);
            Map<PriceType, Long> prices = plan.prices().getOrDefault(seat.zone(), Map.of());
            ComboBox<PriceType> type = new ComboBox<>();
            type.setId("exchangePriceType-" + i);
            type.getItems().setAll(prices.keySet());
            type.setValue(entry.getValue());
            type.setConverter(ChoiceText.converter(
                    p -> p.label() + "  " + ctx.money().format(Money.of(prices.getOrDefault(p, 0L), plan.currency()))));
            type.valueProperty().addListener((o, a, now) -> {
                if (now != null) {
                    priceTypes.put(seatId, now);
                    updateQuote();
                }
            });
            lines.addRow(i++, new Label((seat.section().isEmpty() ? "" : seat.section() + " ") + seat.label()), type);
        }
        if (priceTypes.isEmpty()) {
            lines.addRow(0, new Label("No new seat picked yet."));
        }
        updateQuote();
    }

    // ---------------------------------------------------------------- money

    private List<ExchangeQuote.NewTicket> newTickets() {
        List<ExchangeQuote.NewTicket> tickets = new ArrayList<>();
        if (plan == null) {
            return tickets;
        }
        for (Map.Entry<Long, PriceType> entry : priceTypes.entrySet()) {
            MapSeat seat = seatMap.getSeat(entry.getKey());
            Long price = plan.prices().getOrDefault(seat.zone(), Map.of()).get(entry.getValue());
            tickets.add(new ExchangeQuote.NewTicket(seat.id(), seat.label(), seat.zone(), entry.getValue(), price == null ? 0 : price));
        }
        return tickets;
    }

    private ExchangeQuote quote() {
        return ExchangeQuote.of(order, ticketIds, newTickets());
    }

    private boolean needsApproval(ExchangeQuote quote) {
        Cashier cashier = ctx.cashier().get();
        Role role = cashier == null ? null : cashier.role();
        return role != Role.MANAGER && role != Role.ADMIN
                && com.admitone.model.order.ExchangeCredit.needsApproval(quote.payoutMinor(), approvalLimit);
    }

    private void updateQuote() {
        if (order == null) {
            return;
        }
        ExchangeQuote quote = quote();
        String currency = order.currency();
        creditLabel.setText(format(quote.creditMinor(), currency));
        totalLabel.setText(format(quote.newTotalMinor(), currency));
        long difference = quote.differenceMinor();
        boolean collecting = difference > 0;
        if (difference > 0) {
            String change = "";
            if (method.getValue() == PaymentMethod.CASH && !tendered.getText().isBlank()) {
                try {
                    PaymentEntry taking = PaymentEntry.taking(PaymentMethod.CASH, difference, tendered.getText(), reference.getText());
                    change = taking.tenderedCovers() ? "  ·  change " + format(taking.changeMinor(), currency) : "  ·  not enough";
                } catch (IllegalArgumentException e) {
                    change = "";
                }
            }
            differenceLabel.setText("Customer pays " + format(difference, currency) + change);
        } else if (difference < 0) {
            differenceLabel.setText("Pay back " + format(-difference, currency));
        } else {
            differenceLabel.setText("No difference to settle");
        }
        show(tendered, collecting && method.getValue() == PaymentMethod.CASH);
        show(reference, difference != 0 && method.getValue() == PaymentMethod.CARD);
        show(method, difference != 0);
        show(approvalBox, needsApproval(quote));
    }

    // ---------------------------------------------------------------- confirm

    private void confirm() {
        if (busy || order == null || plan == null) {
            return;
        }
        ExchangeQuote quote = quote();
        List<ExchangeQuote.NewTicket> tickets = newTickets();
        if (tickets.isEmpty()) {
            message.setText("Pick the new seats on the map first.");
            seatMap.requestFocus();
            return;
        }
        if (reason.getText().isBlank()) {
            message.setText(ctx.problems().forCode("REASON_REQUIRED", null));
            reason.requestFocus();
            return;
        }
        PaymentMethod how = method.getValue();
        PaymentEntry settlement = null;
        if (quote.differenceMinor() != 0) {
            try {
                settlement = quote.differenceMinor() > 0
                        ? PaymentEntry.taking(how, quote.differenceMinor(), tendered.getText(), reference.getText())
                        : PaymentEntry.payingBack(how, -quote.differenceMinor(), reference.getText());
            } catch (IllegalArgumentException e) {
                message.setText(e.getMessage());
                tendered.requestFocus();
                return;
            }
            PaymentEntry.Problem problem = settlement.problem();
            if (problem == PaymentEntry.Problem.NOT_ENOUGH_TENDERED) {
                message.setText("The cash tendered does not cover " + format(quote.differenceMinor(), order.currency()) + ".");
                tendered.requestFocus();
                return;
            }
            if (problem == PaymentEntry.Problem.NO_CARD_REFERENCE) {
                message.setText("Type the card terminal's reference.");
                reference.requestFocus();
                return;
            }
        }
        Long given = settlement == null ? null : settlement.tenderedMinor();
        boolean approval = needsApproval(quote);
        if (approval && (managerUser.getText().isBlank() || managerPassword.getText().isEmpty())) {
            message.setText("Paying back " + format(quote.payoutMinor(), order.currency()) + " is above the limit of "
                    + format(approvalLimit, order.currency()) + ": a manager types their username and password.");
            managerUser.requestFocus();
            return;
        }
        UUID exchangeId = UUID.randomUUID();
        UUID newOrderId = UUID.randomUUID();
        Commands.ExchangeTickets command = quote.command(exchangeId, order.id(), ticketIds, newOrderId, plan.performanceId(),
                holdId, tickets, how, given, reference.getText(), reason.getText());
        String user = managerUser.getText().trim();
        String password = managerPassword.getText();
        managerPassword.clear();
        long change = settlement == null ? 0 : settlement.changeMinor();
        String currency = order.currency();
        busy = true;
        confirm.setDisable(true);
        message.pseudoClassStateChanged(OK, false);
        message.setText("Working…");
        Tasks.create(() -> {
                    if (approval) {
                        ServerApi api = ctx.api().get();
                        if (api == null || !api.hasToken()) {
                            throw new IllegalStateException("A manager's approval needs the server. Connect and try again.");
                        }
                        api.approveRefund(exchangeId, user, password, quote.payoutMinor());
                    }
                    OutboxItem item = counter.record(command);
                    Counter.Outcome outcome = counter.await(item, Duration.ofSeconds(20));
                    String where = outcome.applied() ? saveNow(newOrderId.toString()) : null;
                    return new Object[]{outcome, where};
                })
                .onSuccess(r -> {
                    busy = false;
                    Counter.Outcome outcome = (Counter.Outcome) r[0];
                    if (outcome.rejected()) {
                        confirm.setDisable(false);
                        message.setText(ctx.problems().forCode(outcome.code(), outcome.message()));
                        return;
                    }
                    if (!outcome.applied()) {
                        message.setText("The exchange is recorded and will be sent when the server can be reached. "
                                + "The new tickets print once it is confirmed.");
                        return;
                    }
                    holdId = null;
                    held.clear();
                    resultOrderId = newOrderId.toString();
                    long difference = quote.differenceMinor();
                    result.setText("Exchanged. New order " + orderNumber(newOrderId.toString()));
                    // The settlement is news, not a problem: green, not the red of a refusal.
                    message.pseudoClassStateChanged(OK, true);
                    message.setText(difference > 0 ? "Taken " + format(difference, currency)
                            + (change > 0 ? ", change due " + format(change, currency) : "") + "."
                            : difference < 0 ? "Pay back " + format(-difference, currency) + " (" + how.name().toLowerCase() + ")."
                            : "No difference to pay or pay back.");
                    saved.setText((String) r[1]);
                    show(resultBox, true);
                    root.lookup("#exchangeDone").requestFocus();
                })
                .onError(e -> {
                    busy = false;
                    confirm.setDisable(false);
                    message.setText(ctx.failures().sentence(e));
                })
                .runOn(ctx.background());
    }

    private static final javafx.css.PseudoClass OK = javafx.css.PseudoClass.getPseudoClass("ok");

    private final Map<String, String> numbers = new HashMap<>();

    private String orderNumber(String orderId) {
        return numbers.getOrDefault(orderId, orderId);
    }

    /** Saves the new order's tickets as PDF (off the JavaFX thread) and says where. */
    private String saveNow(String orderId) {
        Counter.OrderDetail fresh = counter.order(orderId);
        if (fresh == null) {
            return "The new order is not on this computer yet; print it from the Orders tab after the next sync.";
        }
        numbers.put(orderId, fresh.number());
        byte[] pdf = ctx.printouts().ticketsPdf(fresh);
        Path file = Printouts.save(pdf, ctx.printFolder(), fresh.number() + "-tickets.pdf");
        Cashier cashier = ctx.cashier().get();
        counter.recordPrint(orderId, "TICKETS", cashier == null ? null : cashier.userId());
        return "New tickets saved as " + file;
    }

    private void saveTickets(String orderId) {
        if (orderId == null) {
            return;
        }
        Tasks.create(() -> saveNow(orderId)).onSuccess(saved::setText)
                .onError(e -> saved.setText(ctx.failures().sentence(e))).runOn(ctx.background());
    }

    private void close() {
        if (busy) {
            return;
        }
        releaseHold();
        seatStates.show(-1);
        String old = order == null ? null : order.id();
        order = null;
        ctx.finished().accept(old);
    }

    // ---------------------------------------------------------------- helpers

    private String format(long minor, String currency) {
        return ctx.money().format(Money.of(minor, currency == null ? "GBP" : currency));
    }

    private static String label(String priceType) {
        try {
            return PriceType.valueOf(priceType).label();
        } catch (RuntimeException e) {
            return priceType;
        }
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    // for tests
    SeatMapView seatMap() {
        return seatMap;
    }
}

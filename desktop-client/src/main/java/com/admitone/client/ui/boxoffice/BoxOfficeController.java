package com.admitone.client.ui.boxoffice;

import com.admitone.client.auth.Cashier;
import com.admitone.client.print.MoneyFormat;
import com.admitone.client.print.PdfPrinter;
import com.admitone.client.sales.Basket;
import com.admitone.client.sales.Counter;
import com.admitone.client.sales.Printouts;
import com.admitone.client.sales.WaitingSales;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.ui.boxoffice.seatmap.MapSeat;
import com.admitone.client.ui.boxoffice.seatmap.PriceZone;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapLegend;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.client.ui.common.AmountText;
import com.admitone.client.ui.common.ChoiceText;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import com.admitone.model.venue.SeatFlag;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Box office section: pick a performance, pick seats on the map (held on the server through
 * the outbox while the customer decides), price each ticket, take payment, print, and find orders
 * again for reprints and refunds. Everything that reads the replica or waits for the server runs
 * on the background executor; this class only touches the scene graph.
 *
 * <p>Keys (also in the F1 help): Ctrl+F search, Ctrl+B best available, F8 pay cash, F7 pay card,
 * F6 invoice, Ctrl+P print tickets, Ctrl+N new sale, Ctrl+O orders. F5 (sync) and F9 (switch
 * cashier) belong to the shell.
 */
public final class BoxOfficeController {
    /** What the section needs from the rest of the client. */
    public record Context(Counter counter, Executor background, Strings strings, Failures failures, ProblemMessages problems,
                          Supplier<Cashier> cashier, String deviceName, Supplier<ServerApi> api,
                          Supplier<Boolean> online, Path printFolder, Locale locale) {
    }

    private final Context ctx;
    private final Counter counter;
    private final MoneyFormat money;
    private final Printouts printouts;
    private final DateTimeFormatter when;

    @FXML
    private StackPane root;

    // picker
    private final TextField performanceSearch = new TextField();
    private final DatePicker performanceDate = new DatePicker();
    private final ListView<Counter.PerformanceRow> performanceList = new ListView<>();
    // map
    private final SeatMapView seatMap = new SeatMapView();
    private final Label performanceTitle = new Label();
    private final ComboBox<PriceZone> zoneChoice = new ComboBox<>();
    private final Spinner<Integer> bestCount = new Spinner<>(1, 20, 2);
    private final Button bestButton = new Button();
    private final VBox areaBox = new VBox(6);
    private final VBox mapBox = new VBox(8);
    // basket
    private final VBox basketPane = new VBox(8);
    private ScrollPane basketScroll;
    private final Label holdCountdown = new Label();
    private final GridPane linesGrid = new GridPane();
    private final TextField orderDiscount = new TextField();
    private final TextField orderDiscountReason = new TextField();
    private final TextField customerName = new TextField();
    private final TextField customerEmail = new TextField();
    private final TextField customerPhone = new TextField();
    private final Label subtotalLabel = new Label();
    private final Label discountLabel = new Label();
    private final Label totalLabel = new Label();
    private final Label taxLabel = new Label();
    private final Label message = new Label();
    // payment
    private final VBox paymentBox = new VBox(6);
    private final Label paymentMethodLabel = new Label();
    private final TextField paymentAmount = new TextField();
    private final TextField tendered = new TextField();
    private final TextField reference = new TextField();
    private final Label changeLabel = new Label();
    private final Label paidLabel = new Label();
    private final Button takePayment = new Button();
    // confirmation
    private final VBox confirmationPane = new VBox(10);
    private final Label orderNumberLabel = new Label();
    private final Label confirmationDetail = new Label();
    private final Label savedPath = new Label();
    // orders
    private final TextField orderSearch = new TextField();
    private final ListView<Counter.OrderHit> orderResults = new ListView<>();
    private final Label orderHeader = new Label();
    private final VBox ticketChecks = new VBox(4);
    private final TextField refundReason = new TextField();
    private final Label orderMessage = new Label();
    private final TabPane tabs = new TabPane();
    private final Tab sellTab = new Tab();
    private final Tab ordersTab = new Tab();
    private final StackPane helpOverlay = new StackPane();
    // exchange and approval
    private final com.admitone.client.sales.RefundApprovalLimits approvalLimits;
    private ExchangePane exchangePane;
    private ScrollPane orderDetailScroll;
    private ScrollPane exchangeScroll;
    private final VBox refundApproval = new VBox(4);
    private final TextField refundManagerUser = new TextField();
    private final javafx.scene.control.PasswordField refundManagerPassword = new javafx.scene.control.PasswordField();

    // state (JavaFX thread only)
    private Counter.Plan plan;
    private Basket basket;
    private UUID holdId;
    private final Set<Long> heldSeats = new LinkedHashSet<>();
    private Instant holdExpires;
    private final List<Basket.Payment> payments = new ArrayList<>();
    private PaymentMethod paying;
    private boolean quietSelection;
    private Counter.OrderDetail confirmed;
    private Counter.OrderDetail lookedUp;
    private final Map<String, CheckBox> refundChecks = new HashMap<>();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final SeatStateRefresh seatStates;
    private final Set<Long> addedPending = new LinkedHashSet<>();
    private final Set<Long> removedPending = new LinkedHashSet<>();
    private boolean selectionFlushQueued;

    public BoxOfficeController(Context ctx) {
        this.ctx = ctx;
        this.counter = ctx.counter();
        this.seatStates = new SeatStateRefresh(counter, ctx.background(), snapshot -> {
            if (plan != null) {
                applySnapshot(snapshot);
            }
        });
        this.money = new MoneyFormat(ctx.locale());
        this.printouts = new Printouts(ctx.locale());
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(ctx.locale());
        this.approvalLimits = new com.admitone.client.sales.RefundApprovalLimits(ctx.api(), ctx.online());
    }

    private String t(String key, String fallback) {
        return ctx.strings().orElse(key, fallback);
    }

    @FXML
    private void initialize() {
        sellTab.setText(t("boxoffice.tab.sell", "Sell"));
        sellTab.setClosable(false);
        ordersTab.setText(t("boxoffice.tab.orders", "Orders (Ctrl+O)"));
        ordersTab.setClosable(false);
        sellTab.setContent(buildSell());
        ordersTab.setContent(buildOrders());
        tabs.getTabs().setAll(sellTab, ordersTab);
        tabs.setId("boxOfficeTabs");
        buildHelp();
        root.getChildren().setAll(tabs, helpOverlay);
        root.getStyleClass().add("box-office");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

        ticker.setCycleCount(Timeline.INDEFINITE);
        // The replica changes (a pull, a sale at this till): re-read the open performance's seats.
        counter.onReplicaChange(this::replicaChanged);
        loadPerformances();
        newSale();
    }

    // ---------------------------------------------------------------- layout

    private Node buildSell() {
        performanceSearch.setId("performanceSearch");
        performanceSearch.setPromptText(t("boxoffice.search.prompt", "Search title or venue (Ctrl+F)"));
        performanceSearch.textProperty().addListener((o, a, b) -> loadPerformances());
        performanceDate.setId("performanceDate");
        performanceDate.setPromptText(t("boxoffice.search.date", "Any day from today"));
        performanceDate.setMaxWidth(Double.MAX_VALUE);
        performanceDate.valueProperty().addListener((o, a, b) -> loadPerformances());
        performanceList.setId("performanceList");
        performanceList.setCellFactory(v -> new PerformanceCell());
        performanceList.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null && (plan == null || plan.performanceId() != now.id())) {
                openPerformance(now.id());
            }
        });
        VBox.setVgrow(performanceList, Priority.ALWAYS);
        Label pickerTitle = new Label(t("boxoffice.performances", "Performances"));
        pickerTitle.getStyleClass().add("section-title");
        VBox picker = new VBox(8, pickerTitle, performanceSearch, performanceDate, performanceList);
        picker.setPadding(new Insets(10));
        picker.setPrefWidth(250);
        picker.setMinWidth(210);
        picker.getStyleClass().add("bo-picker");

        performanceTitle.getStyleClass().add("section-title");
        performanceTitle.setId("performanceTitle");
        performanceTitle.setWrapText(true);
        performanceTitle.setMinHeight(Region.USE_PREF_SIZE); // the whole title, time and venue, on two lines if need be
        performanceTitle.setText(t("boxoffice.pick", "Pick a performance on the left."));
        seatMap.setId("seatMap");
        seatMap.setLocale(ctx.locale());
        seatMap.setSelectableStatuses(EnumSet.of(SeatStatus.FREE, SeatStatus.HELD_BY_ME, SeatStatus.ALLOTTED_TO_ME));
        seatMap.getSelection().getSelectedIds().addListener((SetChangeListener<Long>) this::selectionChanged);
        seatMap.setMinSize(200, 200);
        VBox.setVgrow(seatMap, Priority.ALWAYS);
        zoneChoice.setId("zoneChoice");
        zoneChoice.setPromptText(t("boxoffice.zone", "Zone"));
        zoneChoice.setConverter(ChoiceText.converter(zone -> PlanOnSeatMap.zoneName(zone.id())));
        zoneChoice.setMinWidth(Region.USE_PREF_SIZE);
        bestCount.setId("bestCount");
        bestCount.setEditable(true);
        bestCount.setPrefWidth(80);
        bestButton.setId("bestButton");
        bestButton.setText(t("boxoffice.best", "Best available"));
        bestButton.setTooltip(new Tooltip("Ctrl+B"));
        bestButton.setOnAction(e -> bestAvailable());
        Label together = new Label(t("boxoffice.together", "together in"));
        bestButton.setMinWidth(Region.USE_PREF_SIZE);
        bestCount.setMinWidth(70);
        javafx.scene.layout.FlowPane bestBar = new javafx.scene.layout.FlowPane(8, 6, bestCount, together, zoneChoice, bestButton);
        bestBar.setAlignment(Pos.CENTER_LEFT);
        SeatMapLegend legend = new SeatMapLegend(seatMap);
        areaBox.setId("areaBox");
        mapBox.getChildren().setAll(performanceTitle, bestBar, seatMap, legend, areaBox);
        mapBox.setPadding(new Insets(10));

        buildBasket();
        buildConfirmation();
        ScrollPane basketScroll = new ScrollPane(basketPane);
        basketScroll.setFitToWidth(true);
        basketScroll.setPrefWidth(390);
        basketScroll.setMinWidth(360);
        this.basketScroll = basketScroll;
        basketScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        StackPane right = new StackPane(basketScroll, confirmationPane);
        right.getStyleClass().add("bo-basket");
        confirmationPane.setVisible(false);

        BorderPane sell = new BorderPane(mapBox, null, right, null, picker);
        return sell;
    }

    private void buildBasket() {
        Label title = new Label(t("boxoffice.basket", "Basket"));
        title.getStyleClass().add("section-title");
        holdCountdown.setId("holdCountdown");
        holdCountdown.getStyleClass().add("hold-countdown");
        linesGrid.setId("basketLines");
        linesGrid.setHgap(6);
        linesGrid.setVgap(4);
        orderDiscount.setId("orderDiscount");
        orderDiscount.setPromptText(t("boxoffice.orderDiscount", "Order disc."));
        orderDiscount.setPrefColumnCount(7);
        orderDiscount.setMinWidth(Region.USE_PREF_SIZE);
        orderDiscountReason.setId("orderDiscountReason");
        orderDiscountReason.setPromptText(t("boxoffice.orderDiscountReason", "Reason for the order discount"));
        HBox.setHgrow(orderDiscountReason, Priority.ALWAYS);
        orderDiscount.textProperty().addListener((o, a, b) -> discountsChanged());
        orderDiscountReason.textProperty().addListener((o, a, b) -> discountsChanged());
        customerName.setId("customerName");
        customerName.setPromptText(t("boxoffice.customer.name", "Customer name (optional)"));
        customerEmail.setId("customerEmail");
        customerEmail.setPromptText(t("boxoffice.customer.email", "E-mail"));
        customerPhone.setId("customerPhone");
        customerPhone.setPromptText(t("boxoffice.customer.phone", "Phone"));
        HBox contact = new HBox(6, customerEmail, customerPhone);
        HBox.setHgrow(customerEmail, Priority.ALWAYS);
        for (TextField field : List.of(customerName, customerEmail, customerPhone)) {
            offerKnownCustomers(field);
        }
        totalLabel.setId("totalLabel");
        totalLabel.getStyleClass().add("basket-total");
        taxLabel.setId("taxLabel");
        taxLabel.getStyleClass().add("text-muted");
        GridPane totals = new GridPane();
        totals.setHgap(12);
        totals.addRow(0, new Label(t("boxoffice.subtotal", "Subtotal")), subtotalLabel);
        totals.addRow(1, new Label(t("boxoffice.discounts", "Discounts")), discountLabel);
        totals.addRow(2, new Label(t("boxoffice.total", "Total")), totalLabel);
        totals.add(taxLabel, 0, 3, 2, 1);

        Button cash = new Button(t("boxoffice.pay.cash", "Cash  F8"));
        cash.setId("payCash");
        cash.setOnAction(e -> startPayment(PaymentMethod.CASH));
        Button card = new Button(t("boxoffice.pay.card", "Card  F7"));
        card.setId("payCard");
        card.setOnAction(e -> startPayment(PaymentMethod.CARD));
        Button invoice = new Button(t("boxoffice.pay.invoice", "Invoice  F6"));
        invoice.setId("payInvoice");
        invoice.setOnAction(e -> startPayment(PaymentMethod.INVOICE));
        HBox methods = new HBox(6, cash, card, invoice);
        for (Button b : List.of(cash, card, invoice)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }

        paymentMethodLabel.getStyleClass().add("payment-method");
        paymentAmount.setId("paymentAmount");
        paymentAmount.setPromptText(t("boxoffice.pay.amount", "Amount"));
        tendered.setId("tendered");
        tendered.setPromptText(t("boxoffice.pay.tendered", "Amount tendered"));
        tendered.textProperty().addListener((o, a, b) -> showChange());
        paymentAmount.textProperty().addListener((o, a, b) -> showChange());
        reference.setId("paymentReference");
        reference.setPromptText(t("boxoffice.pay.reference", "Terminal reference"));
        changeLabel.setId("changeDue");
        changeLabel.getStyleClass().add("change-due");
        takePayment.setId("takePayment");
        takePayment.setText(t("boxoffice.pay.take", "Take payment (Enter)"));
        takePayment.setDefaultButton(true);
        takePayment.setOnAction(e -> takePayment());
        tendered.setOnAction(e -> takePayment());
        reference.setOnAction(e -> takePayment());
        paymentAmount.setOnAction(e -> takePayment());
        paymentBox.setId("paymentBox");
        paymentBox.getStyleClass().add("payment-box");
        paymentBox.setPadding(new Insets(8));
        paidLabel.setId("paidLabel");

        message.setId("boxOfficeMessage");
        message.setWrapText(true);
        message.getStyleClass().add("bo-message");

        Label customerTitle = new Label(t("boxoffice.customer", "Customer"));
        customerTitle.getStyleClass().add("subsection-title");
        Label payTitle = new Label(t("boxoffice.payment", "Payment"));
        payTitle.getStyleClass().add("subsection-title");
        basketPane.getChildren().setAll(title, holdCountdown, linesGrid,
                new HBox(6, orderDiscount, orderDiscountReason), new Separator(), customerTitle, customerName, contact,
                new Separator(), totals, new Separator(), payTitle, methods, paymentBox, paidLabel, message);
        basketPane.setPadding(new Insets(10));
        paymentBox.setVisible(false);
        paymentBox.setManaged(false);
    }

    private void buildConfirmation() {
        orderNumberLabel.setId("orderNumber");
        orderNumberLabel.getStyleClass().add("order-number");
        confirmationDetail.setId("confirmationDetail");
        confirmationDetail.setWrapText(true);
        savedPath.setId("savedPath");
        savedPath.setWrapText(true);
        savedPath.getStyleClass().add("text-muted");
        savedPath.setPrefWidth(0);
        savedPath.setMaxWidth(Double.MAX_VALUE);
        confirmationDetail.setPrefWidth(0);
        confirmationDetail.setMaxWidth(Double.MAX_VALUE);
        Button print = new Button(t("boxoffice.print.tickets", "Print tickets  Ctrl+P"));
        print.setId("printTickets");
        print.setOnAction(e -> printTickets(confirmed, true));
        Button save = new Button(t("boxoffice.save.tickets", "Save tickets as PDF"));
        save.setId("saveTickets");
        save.setOnAction(e -> printTickets(confirmed, false));
        Button receipt = new Button(t("boxoffice.print.receipt", "Print receipt"));
        receipt.setId("printReceipt");
        receipt.setOnAction(e -> printReceipt(confirmed, true));
        Button saveReceipt = new Button(t("boxoffice.save.receipt", "Save receipt as PDF"));
        saveReceipt.setId("saveReceipt");
        saveReceipt.setOnAction(e -> printReceipt(confirmed, false));
        Button next = new Button(t("boxoffice.newSale", "New sale  Ctrl+N"));
        next.setId("newSale");
        next.setDefaultButton(true);
        next.setOnAction(e -> newSale());
        for (Button b : List.of(print, save, receipt, saveReceipt, next)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        Label done = new Label(t("boxoffice.confirmation", "Sale complete"));
        done.getStyleClass().add("section-title");
        confirmationPane.getChildren().setAll(done, orderNumberLabel, confirmationDetail, print, save, receipt, saveReceipt,
                savedPath, new Separator(), next);
        confirmationPane.setPadding(new Insets(16));
        confirmationPane.getStyleClass().add("confirmation");
        confirmationPane.setId("confirmation");
    }

    private Node buildOrders() {
        orderSearch.setId("orderSearch");
        orderSearch.setPromptText(t("boxoffice.orders.prompt", "Order number, name, e-mail or phone (Ctrl+F)"));
        orderSearch.setOnAction(e -> searchOrders());
        HBox.setHgrow(orderSearch, Priority.ALWAYS);
        Button find = new Button(t("boxoffice.orders.find", "Find"));
        find.setId("orderFind");
        find.setOnAction(e -> searchOrders());
        orderResults.setId("orderResults");
        orderResults.setCellFactory(ChoiceText.cells(hit -> (hit.number() == null ? "(provisional)" : hit.number()) + "  ·  "
                + (hit.customerName() == null ? "no name" : hit.customerName()) + "  ·  "
                + money.format(Money.of(hit.totalMinor(), hit.currency() == null ? "GBP" : hit.currency()))
                + "  ·  " + hit.status()));
        orderResults.getSelectionModel().selectedItemProperty().addListener((o, a, hit) -> {
            if (hit != null) {
                showOrder(hit.id());
            }
        });
        VBox.setVgrow(orderResults, Priority.ALWAYS);
        VBox left = new VBox(8, new HBox(6, orderSearch, find), orderResults);
        left.setPadding(new Insets(10));
        left.setPrefWidth(380);

        orderHeader.setId("orderHeader");
        orderHeader.setWrapText(true);
        orderHeader.getStyleClass().add("order-header");
        ticketChecks.setId("ticketChecks");
        refundReason.setId("refundReason");
        refundReason.setPromptText(t("boxoffice.refund.reason", "Reason for the refund (required)"));
        Button refund = new Button(t("boxoffice.refund", "Refund selected tickets"));
        refund.setId("refundButton");
        refund.setOnAction(e -> refund());
        Button reprint = new Button(t("boxoffice.reprint", "Reprint tickets  Ctrl+P"));
        reprint.setId("reprintButton");
        reprint.setOnAction(e -> printTickets(lookedUp, true));
        Button saveAgain = new Button(t("boxoffice.save.tickets", "Save tickets as PDF"));
        saveAgain.setId("reprintSave");
        saveAgain.setOnAction(e -> printTickets(lookedUp, false));
        Button exchange = new Button(t("boxoffice.exchange", "Exchange selected tickets…  Ctrl+E"));
        exchange.setId("exchangeButton");
        exchange.setOnAction(e -> startExchange());
        refundManagerUser.setId("refundManagerUser");
        refundManagerUser.setPromptText(t("boxoffice.approval.user", "Manager's username"));
        refundManagerPassword.setId("refundManagerPassword");
        refundManagerPassword.setPromptText(t("boxoffice.approval.password", "Manager's password"));
        refundManagerPassword.setOnAction(e -> refund());
        Label approvalTitle = new Label(t("boxoffice.approval.title", "A manager approves refunds above the venue's limit:"));
        approvalTitle.setWrapText(true);
        refundApproval.getChildren().setAll(approvalTitle, new HBox(6, refundManagerUser, refundManagerPassword));
        refundApproval.getStyleClass().add("payment-box");
        refundApproval.setPadding(new Insets(6));
        refundApproval.setVisible(false);
        refundApproval.setManaged(false);
        orderMessage.setId("orderMessage");
        orderMessage.setWrapText(true);
        orderMessage.getStyleClass().add("bo-message");
        VBox detail = new VBox(8, orderHeader, ticketChecks, refundReason, refundApproval,
                new javafx.scene.layout.FlowPane(6, 6, refund, exchange, reprint, saveAgain), orderMessage);
        detail.setPadding(new Insets(10));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        orderDetailScroll = detailScroll;
        exchangePane = new ExchangePane(new ExchangePane.Context(counter, ctx.background(), ctx.failures(), ctx.problems(), ctx.api(),
                ctx.cashier(), approvalLimits, printouts, ctx.printFolder(), money, when, this::exchangeFinished));
        exchangeScroll = new ScrollPane(exchangePane.node());
        exchangeScroll.setFitToWidth(true);
        exchangeScroll.setFitToHeight(true);
        exchangeScroll.setVisible(false);
        return new BorderPane(new StackPane(detailScroll, exchangeScroll), null, null, null, left);
    }

    private void buildHelp() {
        Label help = new Label(String.join("\n",
                t("boxoffice.help.title", "Box office keys"),
                "",
                "Ctrl+F    search performances (or orders)",
                "Ctrl+B    best available seats together",
                "F8        pay cash",
                "F7        pay card",
                "F6        invoice",
                "Enter     take the payment",
                "Ctrl+P    print tickets",
                "Ctrl+N    new sale",
                "Ctrl+O    find an order / refund",
                "Ctrl+E    exchange the ticked tickets of an order",
                "Arrows, Space   move on the seat map, pick a seat",
                "F5 sync now, F9 switch cashier (whole app)",
                "",
                "F1 or Esc closes this help"));
        help.getStyleClass().add("help-card");
        help.setId("helpCard");
        helpOverlay.getChildren().setAll(help);
        helpOverlay.getStyleClass().add("help-overlay");
        helpOverlay.setVisible(false);
        helpOverlay.setOnMouseClicked(e -> helpOverlay.setVisible(false));
        Tooltip.install(tabs, new Tooltip("F1: keyboard help"));
    }

    // ---------------------------------------------------------------- keys

    private void keys(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean shortcut = e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown();
        Runnable action = null;
        if (code == KeyCode.F1 || (code == KeyCode.ESCAPE && helpOverlay.isVisible())) {
            action = () -> helpOverlay.setVisible(!helpOverlay.isVisible());
        } else if (shortcut && code == KeyCode.F) {
            action = () -> {
                if (tabs.getSelectionModel().getSelectedItem() == ordersTab) {
                    orderSearch.requestFocus();
                    orderSearch.selectAll();
                } else {
                    performanceSearch.requestFocus();
                    performanceSearch.selectAll();
                }
            };
        } else if (shortcut && code == KeyCode.B) {
            action = this::bestAvailable;
        } else if (shortcut && code == KeyCode.N) {
            action = this::newSale;
        } else if (shortcut && code == KeyCode.O) {
            action = () -> {
                tabs.getSelectionModel().select(ordersTab);
                orderSearch.requestFocus();
            };
        } else if (shortcut && code == KeyCode.E && tabs.getSelectionModel().getSelectedItem() == ordersTab) {
            action = this::startExchange;
        } else if (shortcut && code == KeyCode.P) {
            action = () -> printTickets(tabs.getSelectionModel().getSelectedItem() == ordersTab ? lookedUp : confirmed, true);
        } else if (code == KeyCode.F8 && !e.isShortcutDown()) {
            action = () -> startPayment(PaymentMethod.CASH);
        } else if (code == KeyCode.F7 && !e.isShortcutDown()) {
            action = () -> startPayment(PaymentMethod.CARD);
        } else if (code == KeyCode.F6 && !e.isShortcutDown()) {
            action = () -> startPayment(PaymentMethod.INVOICE);
        }
        if (action != null) {
            e.consume();
            action.run();
        }
    }

    // ---------------------------------------------------------------- picker

    private void loadPerformances() {
        String text = performanceSearch.getText();
        java.time.LocalDate day = performanceDate.getValue();
        Tasks.create(() -> counter.performances(text, day, 300))
                .onSuccess(rows -> {
                    Counter.PerformanceRow selected = performanceList.getSelectionModel().getSelectedItem();
                    performanceList.getItems().setAll(rows);
                    if (selected != null) {
                        rows.stream().filter(r -> r.id() == selected.id()).findFirst()
                                .ifPresent(r -> performanceList.getSelectionModel().select(r));
                    }
                })
                .onError(this::showError)
                .runOn(ctx.background());
    }

    /** Cell padding plus the list's vertical scroll bar, which the title's text cannot use. */
    private static final double PICKER_CELL_INSETS = 34;

    private final class PerformanceCell extends ListCell<Counter.PerformanceRow> {
        @Override
        protected void updateItem(Counter.PerformanceRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("performance-sold-out", "performance-not-on-sale");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(row.title());
            name.getStyleClass().add("performance-title");
            // Long titles ("Deep Blue: Life in the Ocean's Twilight Zone") wrap rather than end in
            // "...": the text width is the list's, less the cell padding and the scroll bar, so the
            // cell's height is measured with the lines the title really takes.
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            name.prefWidthProperty().bind(performanceList.widthProperty().subtract(PICKER_CELL_INSETS));
            setPrefWidth(0);
            String whenText = when.format(row.startsAt().atZone(row.zone()));
            Label time = new Label(whenText + "\n" + row.venue());
            time.getStyleClass().add("text-muted");
            time.setMinHeight(Region.USE_PREF_SIZE);
            setTooltip(new Tooltip(row.title() + "\n" + whenText + "  ·  " + row.venue()));
            String left = row.free() <= 0 ? "Sold out" : row.free() + " of " + row.capacity() + " left";
            if (!"ON_SALE".equals(row.status())) {
                left = statusText(row.status()) + "  ·  " + left;
                getStyleClass().add("performance-not-on-sale");
            } else if (row.free() <= 0) {
                getStyleClass().add("performance-sold-out");
            }
            Label availability = new Label(left);
            availability.getStyleClass().add("availability");
            setText(null);
            setGraphic(new VBox(1, name, time, availability));
        }
    }

    private static String statusText(String status) {
        return switch (status == null ? "" : status) {
            case "SALES_CLOSED" -> "Sales closed";
            case "CANCELLED" -> "Cancelled";
            case "DRAFT" -> "Not on sale yet";
            default -> status;
        };
    }

    private void openPerformance(long performanceId) {
        if (basket != null && !basket.isEmpty() && plan != null && plan.performanceId() != performanceId) {
            releaseHold();
        }
        Tasks.create(() -> new Object[]{counter.plan(performanceId), counter.snapshot(performanceId)})
                .onSuccess(r -> showPlan((Counter.Plan) r[0], (Counter.Snapshot) r[1]))
                .onError(this::showError)
                .runOn(ctx.background());
    }

    private void showPlan(Counter.Plan newPlan, Counter.Snapshot snapshot) {
        plan = newPlan;
        seatStates.show(newPlan.performanceId());
        resetBasket();
        performanceTitle.setText(newPlan.title() + "  ·  " + when.format(newPlan.startsAt().atZone(newPlan.zone()))
                + "  ·  " + newPlan.venueName() + ("ON_SALE".equals(newPlan.status()) ? "" : "  ·  " + statusText(newPlan.status())));
        List<MapSeat> seats = PlanOnSeatMap.seats(newPlan);
        quietSelection = true;
        try {
            seatMap.setSeats(seats, PlanOnSeatMap.zones(newPlan, zoneOrder(newPlan), money));
        } finally {
            quietSelection = false;
        }
        seatMap.setPriceLookup(PlanOnSeatMap.adultPrice(newPlan));
        zoneChoice.getItems().setAll(seatMap.getZones());
        if (!zoneChoice.getItems().isEmpty()) {
            zoneChoice.getSelectionModel().select(0);
        }
        boolean seated = !seats.isEmpty();
        seatMap.setVisible(seated);
        seatMap.setManaged(seated);
        bestButton.getParent().setVisible(seated);
        bestButton.getParent().setManaged(seated);
        buildAreas(newPlan, snapshot);
        applySnapshot(snapshot);
        if (seated) {
            seatMap.fitToWindow();
        }
        message.setText("");
    }

    private static List<String> zoneOrder(Counter.Plan plan) {
        List<String> zones = new ArrayList<>(plan.prices().keySet());
        zones.sort((a, b) -> Long.compare(plan.prices().get(b).getOrDefault(PriceType.ADULT, 0L),
                plan.prices().get(a).getOrDefault(PriceType.ADULT, 0L)));
        return zones;
    }

    private final Map<Long, Spinner<Integer>> areaSpinners = new HashMap<>();
    private final Map<Long, Label> areaFree = new HashMap<>();

    private void buildAreas(Counter.Plan p, Counter.Snapshot snapshot) {
        areaBox.getChildren().clear();
        areaSpinners.clear();
        areaFree.clear();
        for (Counter.AreaRow area : p.areas()) {
            Spinner<Integer> qty = new Spinner<>(0, Math.max(0, area.capacity()), 0);
            qty.setId("areaQuantity-" + area.id());
            qty.getStyleClass().add("area-quantity");
            qty.setEditable(true);
            qty.setPrefWidth(90);
            qty.valueProperty().addListener((o, old, now) -> areaQuantityChanged(area, old == null ? 0 : old, now == null ? 0 : now));
            Label name = new Label(area.name() + " (" + PlanOnSeatMap.zoneName(area.zone()) + ")");
            name.getStyleClass().add("performance-title");
            Label free = new Label();
            free.getStyleClass().add("availability");
            areaFree.put(area.id(), free);
            areaSpinners.put(area.id(), qty);
            HBox row = new HBox(10, name, qty, new Label(t("boxoffice.places", "places")), free);
            row.setAlignment(Pos.CENTER_LEFT);
            areaBox.getChildren().add(row);
        }
        if (!p.areas().isEmpty()) {
            Label note = new Label(t("boxoffice.area.note", "General admission: set how many places, then price each ticket."));
            note.getStyleClass().add("text-muted");
            areaBox.getChildren().add(0, note);
        }
    }

    private void areaQuantityChanged(Counter.AreaRow area, int old, int now) {
        if (quietSelection || basket == null) {
            return;
        }
        if (now > old) {
            for (int i = old; i < now; i++) {
                basket.addArea(area.id(), area.name() + " " + (i + 1), area.zone());
            }
        } else {
            basket.removeArea(area.id(), old - now);
        }
        showBasket();
    }

    // ---------------------------------------------------------------- live seat states

    private void replicaChanged() {
        OutboxItem pending = offlineItem;
        Counter.OrderDetail shown = confirmed;
        if (pending != null && shown != null) {
            ctx.background().execute(() -> {
                try {
                    Counter.OfflineResult result = counter.offlineResult(pending);
                    if (result != null) {
                        Counter.OrderDetail fresh = counter.order(shown.id());
                        Platform.runLater(() -> {
                            if (offlineItem == pending) {
                                offlineItem = null;
                                confirmed = fresh;
                                showOfflineOutcome(fresh, result);
                            }
                        });
                    }
                } catch (RuntimeException e) {
                    // the next change tries again
                }
            });
        }
        if (counter.waitingSales().count() > 0) {
            ctx.background().execute(this::checkWaitingSales);
        }
        seatStates.refresh();
    }

    /** Off the JavaFX thread: a sale that waited for the server is decided; print it or say it was refused. */
    private void checkWaitingSales() {
        try {
            for (WaitingSales.Settled settled : counter.waitingSales().settled()) {
                Counter.OrderDetail order = counter.order(settled.orderId().toString());
                Platform.runLater(() -> waitingSaleSettled(settled, order));
            }
        } catch (RuntimeException e) {
            // the next change tries again
        }
    }

    private void waitingSaleSettled(WaitingSales.Settled settled, Counter.OrderDetail order) {
        boolean shown = confirmationPane.isVisible() && confirmed != null && confirmed.id().equals(settled.orderId().toString());
        String number = order == null || order.number() == null ? "" : order.number();
        if (settled.confirmed()) {
            String text = String.format(t("boxoffice.waiting.confirmed",
                    "Order %s, the sale that waited for the server, is confirmed. Its tickets are printing."), number);
            if (shown) {
                confirmed = order;
                orderNumberLabel.setText(String.format(t("boxoffice.orderConfirmed", "Order %s"), number));
                orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, false);
                confirmationDetail.setText(t("boxoffice.waiting.confirmedHere", "Confirmed by the server. The tickets are printing."));
            } else {
                message.setText(text);
            }
            printTickets(order, true);
        } else {
            String why = ctx.problems().forCode(settled.code(), settled.message());
            String text = String.format(t("boxoffice.waiting.refused",
                    "The sale that waited for the server was refused: %s Nothing was sold; give the customer their money back."), why);
            if (shown) {
                orderNumberLabel.setText(t("boxoffice.waiting.refusedTitle", "Sale refused"));
                confirmationDetail.setText(text);
            } else {
                message.setText(text);
            }
        }
    }

    private void applySnapshot(Counter.Snapshot snapshot) {
        Map<Long, SeatStatus> changes = new HashMap<>();
        for (MapSeat seat : seatMap.getSeats()) {
            Counter.SeatView view = snapshot.seats().get(seat.id());
            SeatStatus status = view == null ? SeatStatus.FREE : SeatStatus.of(view.state(), view.mine());
            if (status == SeatStatus.FREE && heldSeats.contains(seat.id()) && seatMap.getSelection().isSelected(seat.id())) {
                continue; // our hold is on its way: do not flicker back to free
            }
            if (seatMap.getStatus(seat.id()) != status) {
                changes.put(seat.id(), status);
            }
        }
        quietSelection = true;
        try {
            Set<Long> before = new LinkedHashSet<>(seatMap.getSelection().getSelectedIds());
            seatMap.setStatuses(changes);
            for (Long gone : before) {
                if (!seatMap.getSelection().isSelected(gone)) {
                    // taken elsewhere while in our basket
                    heldSeats.remove(gone);
                    if (basket != null) {
                        basket.removeSeat(gone);
                    }
                    message.setText(ctx.problems().forCode("SEAT_TAKEN", null));
                }
            }
        } finally {
            quietSelection = false;
        }
        for (Map.Entry<Long, Integer> e : snapshot.areaFree().entrySet()) {
            Label free = areaFree.get(e.getKey());
            if (free != null) {
                free.setText(e.getValue() + " " + t("boxoffice.left", "left"));
            }
        }
        showBasket();
    }

    // ---------------------------------------------------------------- selection and holds

    private void selectionChanged(SetChangeListener.Change<? extends Long> change) {
        if (quietSelection || basket == null) {
            return;
        }
        if (change.wasAdded()) {
            addedPending.add(change.getElementAdded());
            removedPending.remove(change.getElementAdded());
        }
        if (change.wasRemoved()) {
            if (!addedPending.remove(change.getElementRemoved())) {
                removedPending.add(change.getElementRemoved());
            }
        }
        if (!selectionFlushQueued) {
            selectionFlushQueued = true;
            Platform.runLater(this::flushSelection);
        }
    }

    /** Turns a burst of selection changes (a click, a drag, best available) into one hold and one release. */
    private void flushSelection() {
        selectionFlushQueued = false;
        if (basket == null || plan == null) {
            return;
        }
        List<Long> added = new ArrayList<>(addedPending);
        List<Long> removed = new ArrayList<>(removedPending);
        addedPending.clear();
        removedPending.clear();
        for (Long id : added) {
            if (seatMap.getStatus(id) == SeatStatus.HELD_BY_ME && heldSeats.contains(id)) {
                continue;
            }
            MapSeat seat = seatMap.getSeat(id);
            basket.addSeat(id, seat.section().isEmpty() ? seat.label() : seat.section() + " " + seat.label(), seat.zone());
        }
        List<Long> toRelease = new ArrayList<>();
        for (Long id : removed) {
            basket.removeSeat(id);
            if (heldSeats.remove(id)) {
                toRelease.add(id);
            }
        }
        long performanceId = plan.performanceId();
        // Offline nothing is held (the server cannot hear it); seats of this computer's allotment need no hold.
        boolean online = Boolean.TRUE.equals(ctx.online().get());
        List<Long> toHold = added.stream().filter(id -> !heldSeats.contains(id))
                .filter(id -> online && seatMap.getStatus(id) != SeatStatus.ALLOTTED_TO_ME).toList();
        heldSeats.addAll(toHold);
        if (holdId == null && !toHold.isEmpty()) {
            holdId = UUID.randomUUID();
        }
        UUID hold = holdId;
        if (!toHold.isEmpty()) {
            holdExpires = Instant.now().plusSeconds(Counter.HOLD_SECONDS);
            ticker.play();
            tick(); // show the countdown now, not a second later
        }
        if (!toHold.isEmpty() || !toRelease.isEmpty()) {
            Tasks.create(() -> {
                        if (!toRelease.isEmpty()) {
                            counter.release(hold, toRelease);
                        }
                        if (toHold.isEmpty()) {
                            return null;
                        }
                        OutboxItem item = counter.hold(hold, performanceId, toHold);
                        return counter.await(item, java.time.Duration.ofSeconds(5));
                    })
                    .onSuccess(outcome -> {
                        if (outcome != null && outcome.rejected()) {
                            holdRefused(toHold, outcome);
                        }
                    })
                    .onError(this::showError)
                    .runOn(ctx.background());
        }
        if (heldSeats.isEmpty()) {
            ticker.stop();
            holdExpires = null;
        }
        showBasket();
    }

    private void holdRefused(List<Long> seats, Counter.Outcome outcome) {
        quietSelection = true;
        try {
            for (Long id : seats) {
                heldSeats.remove(id);
                seatMap.getSelection().deselect(id);
                if (basket != null) {
                    basket.removeSeat(id);
                }
            }
        } finally {
            quietSelection = false;
        }
        message.setText(ctx.problems().forCode(outcome.code(), outcome.message()));
        showBasket();
    }

    private void bestAvailable() {
        if (plan == null || tabs.getSelectionModel().getSelectedItem() != sellTab || !seatMap.isVisible()) {
            return;
        }
        PriceZone zone = zoneChoice.getValue();
        int count = bestCount.getValue() == null ? 1 : bestCount.getValue();
        if (zone == null) {
            return;
        }
        List<Long> picked = seatMap.selectBestAvailable(zone.id(), count);
        if (picked.isEmpty()) {
            message.setText(String.format(t("boxoffice.best.none", "There are no %d seats together in %s."), count, PlanOnSeatMap.zoneName(zone.id())));
        } else {
            message.setText("");
        }
        seatMap.requestFocus();
    }

    private void tick() {
        if (holdExpires == null || heldSeats.isEmpty()) {
            holdCountdown.setText("");
            ticker.stop();
            return;
        }
        long left = java.time.Duration.between(Instant.now(), holdExpires).getSeconds();
        if (left <= 0) {
            holdCountdown.setText(ctx.problems().forCode("HOLD_EXPIRED", null));
            ticker.stop();
            return;
        }
        holdCountdown.setText(String.format(t("boxoffice.hold.left", "Seats held for %d:%02d"), left / 60, left % 60));
        holdCountdown.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("urgent"), left < 60);
    }

    private void releaseHold() {
        if (holdId != null && !heldSeats.isEmpty()) {
            UUID hold = holdId;
            Tasks.create(() -> counter.release(hold, List.of())).onError(this::showError).runOn(ctx.background());
        }
    }

    // ---------------------------------------------------------------- basket

    private void resetBasket() {
        basket = plan == null ? null : new Basket(plan.performanceId(), plan.currency(), plan.taxRateBasisPoints(), plan.prices());
        holdId = null;
        heldSeats.clear();
        holdExpires = null;
        ticker.stop();
        payments.clear();
        paying = null;
        addedPending.clear();
        removedPending.clear();
        quietSelection = true;
        try {
            seatMap.getSelection().clear();
            areaSpinners.values().forEach(s -> s.getValueFactory().setValue(0));
        } finally {
            quietSelection = false;
        }
        orderDiscount.clear();
        orderDiscountReason.clear();
        customerName.clear();
        customerEmail.clear();
        customerPhone.clear();
        paymentBox.setVisible(false);
        paymentBox.setManaged(false);
        showBasket();
    }

    private void showBasket() {
        linesGrid.getChildren().clear();
        if (basket == null) {
            totalLabel.setText("");
            return;
        }
        int row = 0;
        int index = -1;
        for (Basket.Line line : basket.lines()) {
            index++;
            Label seat = new Label(line.label());
            seat.setMinWidth(90);
            ComboBox<PriceType> type = new ComboBox<>();
            type.getItems().setAll(basket.priceTypes(line.zone()));
            type.setValue(line.priceType());
            type.setId("priceType-" + index);
            type.getStyleClass().add("price-type");
            type.setConverter(ChoiceText.converter(p -> {
                Long price = basket == null ? null : basket.price(line.zone(), p);
                return p.label() + (price == null ? "" : "  " + money.format(Money.of(price, basket.currency())));
            }));
            type.valueProperty().addListener((o, a, now) -> {
                if (now != null && basket != null) {
                    basket.setPriceType(line, now);
                    Platform.runLater(this::showBasket);
                }
            });
            TextField discount = new TextField(line.discountMinor() == 0 ? "" : AmountText.of(line.discountMinor()));
            discount.setPromptText(t("boxoffice.discount", "Discount"));
            discount.setPrefColumnCount(5);
            discount.setId("lineDiscount-" + index);
            TextField reason = new TextField(line.discountReason() == null ? "" : line.discountReason());
            reason.setPromptText(t("boxoffice.discountReason", "Reason"));
            reason.setPrefColumnCount(10);
            Runnable apply = () -> {
                try {
                    basket.setLineDiscount(line, AmountText.toMinor(discount.getText()), reason.getText());
                    message.setText("");
                } catch (IllegalArgumentException e) {
                    message.setText(e.getMessage());
                }
                updateTotals();
            };
            discount.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    apply.run();
                }
            });
            reason.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    apply.run();
                }
            });
            discount.setOnAction(e -> apply.run());
            reason.setOnAction(e -> apply.run());
            Label price = new Label(money.format(Money.of(line.totalMinor(), basket.currency())));
            price.setMinWidth(Region.USE_PREF_SIZE);
            type.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(type, Priority.ALWAYS);
            linesGrid.addRow(row++, seat, type, price);
            HBox discountRow = new HBox(6, discount, reason);
            HBox.setHgrow(reason, Priority.ALWAYS);
            discountRow.getStyleClass().add("line-discount");
            linesGrid.add(discountRow, 1, row++, 2, 1);
        }
        if (row == 0) {
            Label empty = new Label(t("boxoffice.basket.empty", "Click seats on the map, press Ctrl+B, or set a quantity."));
            empty.getStyleClass().add("text-muted");
            empty.setWrapText(true);
            linesGrid.add(empty, 0, 0, 3, 1);
        }
        updateTotals();
    }

    private void discountsChanged() {
        if (basket == null) {
            return;
        }
        try {
            basket.setOrderDiscount(AmountText.toMinor(orderDiscount.getText()), orderDiscountReason.getText());
            message.setText("");
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
        updateTotals();
    }

    private void updateTotals() {
        if (basket == null) {
            return;
        }
        String c = basket.currency();
        subtotalLabel.setText(money.format(Money.of(basket.subtotalMinor(), c)));
        discountLabel.setText(basket.discountsMinor() == 0 ? "–" : "−" + money.format(Money.of(basket.discountsMinor(), c)));
        totalLabel.setText(money.format(Money.of(basket.totalMinor(), c)));
        taxLabel.setText(String.format(t("boxoffice.tax", "Includes %s VAT at %s%%"), money.format(Money.of(basket.taxIncluded(), c)),
                new java.math.BigDecimal(basket.taxRateBasisPoints()).movePointLeft(2).stripTrailingZeros().toPlainString()));
        long paid = paidMinor();
        paidLabel.setText(payments.isEmpty() ? "" : String.format(t("boxoffice.paid", "Paid so far %s, still due %s"),
                money.format(Money.of(paid, c)), money.format(Money.of(basket.totalMinor() - paid, c))));
        showChange();
    }

    // ---------------------------------------------------------------- payment

    private void startPayment(PaymentMethod method) {
        if (basket == null || confirmationPane.isVisible() || tabs.getSelectionModel().getSelectedItem() != sellTab) {
            return;
        }
        commitFieldEdits();
        String problem = basket.problem();
        if (problem != null) {
            message.setText(problem);
            return;
        }
        paying = method;
        long due = basket.totalMinor() - paidMinor();
        paymentMethodLabel.setText(switch (method) {
            case CASH -> t("boxoffice.pay.cashTitle", "Cash");
            case CARD -> t("boxoffice.pay.cardTitle", "Card: enter the terminal's reference");
            case INVOICE -> t("boxoffice.pay.invoiceTitle", "Invoice: enter the invoice reference");
            default -> method.name();
        });
        paymentAmount.setText(AmountText.of(due));
        tendered.clear();
        reference.clear();
        paymentBox.getChildren().setAll(paymentMethodLabel, labelled(t("boxoffice.pay.amount", "Amount"), paymentAmount));
        if (method == PaymentMethod.CASH) {
            paymentBox.getChildren().addAll(labelled(t("boxoffice.pay.tendered", "Tendered"), tendered), changeLabel);
        } else {
            paymentBox.getChildren().add(labelled(t("boxoffice.pay.reference", "Reference"), reference));
        }
        paymentBox.getChildren().add(takePayment);
        paymentBox.setVisible(true);
        paymentBox.setManaged(true);
        showChange();
        Platform.runLater(() -> {
            if (basketScroll != null) {
                // Lay the grown basket out first: scrolled before that, "the bottom" was the old one and
                // at the default window size the tendered amount and the change stayed below the fold.
                basketScroll.applyCss();
                basketScroll.layout();
                basketScroll.setVvalue(basketScroll.getVmax());
            }
            TextField first = method == PaymentMethod.CASH ? tendered : reference;
            first.requestFocus();
        });
    }

    private static HBox labelled(String text, Node field) {
        Label label = new Label(text);
        label.setMinWidth(80);
        HBox box = new HBox(8, label, field);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private void commitFieldEdits() {
        // a discount typed but not yet left: take it now
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextField) {
            root.requestFocus();
        }
    }

    private void showChange() {
        if (paying != PaymentMethod.CASH || basket == null) {
            changeLabel.setText("");
            return;
        }
        try {
            PaymentEntry entry = typedPayment();
            changeLabel.setText(entry.tenderedCovers()
                    ? String.format(t("boxoffice.change", "Change due %s"), money.format(Money.of(entry.changeMinor(), basket.currency())))
                    : t("boxoffice.change.short", "Not enough tendered."));
        } catch (IllegalArgumentException e) {
            changeLabel.setText("");
        }
    }

    /**
     * Typing two or more letters of a name, e-mail or phone offers the customers of earlier orders;
     * picking one fills all three fields. ControlsFX asks for suggestions on its own thread, so the
     * replica is read off the JavaFX thread.
     */
    private void offerKnownCustomers(TextField field) {
        StringConverter<Commands.Customer> label = ChoiceText.converter(c -> java.util.stream.Stream.of(c.name(), c.email(), c.phone())
                .filter(v -> v != null && !v.isBlank()).collect(java.util.stream.Collectors.joining("  ·  ")));
        AutoCompletionBinding<Commands.Customer> known = TextFields.bindAutoCompletion(field,
                request -> counter.knownCustomers(request.getUserText(), 8), label);
        known.setOnAutoCompleted(e -> {
            Commands.Customer c = e.getCompletion();
            customerName.setText(c.name() == null ? "" : c.name());
            customerEmail.setText(c.email() == null ? "" : c.email());
            customerPhone.setText(c.phone() == null ? "" : c.phone());
        });
    }

    /** What the payment box holds now. @throws IllegalArgumentException if the amount or the cash tendered is not an amount */
    private PaymentEntry typedPayment() {
        return PaymentEntry.taking(paying, AmountText.toMinor(paymentAmount.getText()), tendered.getText(), reference.getText());
    }

    /** What the payments taken so far for this sale add up to. */
    private long paidMinor() {
        return payments.stream().mapToLong(Basket.Payment::amountMinor).sum();
    }

    private void takePayment() {
        if (paying == null || basket == null) {
            return;
        }
        long due = basket.totalMinor() - paidMinor();
        PaymentEntry entry;
        try {
            entry = typedPayment();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        // A split payment takes part of what is due now and the rest by another method.
        if (entry.amountMinor() <= 0 && due > 0 || entry.amountMinor() > due) {
            message.setText(String.format(t("boxoffice.pay.range", "Enter an amount up to %s."), money.format(Money.of(due, basket.currency()))));
            return;
        }
        PaymentEntry.Problem problem = entry.problem();
        if (problem != null) {
            message.setText(switch (problem) {
                case NOT_ENOUGH_TENDERED -> t("boxoffice.change.short", "Not enough tendered.");
                case NO_CARD_REFERENCE -> t("boxoffice.pay.needReference", "Enter the card terminal's reference.");
            });
            return;
        }
        payments.add(entry.toBasketPayment());
        paying = null;
        paymentBox.setVisible(false);
        paymentBox.setManaged(false);
        message.setText("");
        updateTotals();
        if (paidMinor() == basket.totalMinor()) {
            completeSale();
        } else {
            message.setText(t("boxoffice.pay.more", "Part paid. Choose how the rest is paid (F8 cash, F7 card, F6 invoice)."));
        }
    }

    private void completeSale() {
        Commands.Customer customer = customerName.getText().isBlank() && customerEmail.getText().isBlank()
                && customerPhone.getText().isBlank() ? null
                : new Commands.Customer(blank(customerName.getText()), blank(customerEmail.getText()), blank(customerPhone.getText()));
        Commands.SellSeats sale;
        try {
            sale = basket.toCommand(UUID.randomUUID(), holdId, payments, customer);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            payments.clear();
            updateTotals();
            return;
        }
        long change = payments.stream().mapToLong(Basket.Payment::changeMinor).sum();
        boolean fromAllotment = sale.lines().stream().anyMatch(l -> l.seatId() != null
                && seatMap.getStatus(l.seatId()) == SeatStatus.ALLOTTED_TO_ME);
        if (!Boolean.TRUE.equals(ctx.online().get()) || fromAllotment) {
            sellOffline(sale, change);
            return;
        }
        message.setText(t("boxoffice.selling", "Sending the sale to the server…"));
        basketPane.setDisable(true);
        Tasks.create(() -> {
                    OutboxItem item = counter.record(sale);
                    Counter.Outcome outcome = counter.await(item, java.time.Duration.ofSeconds(10));
                    if (!outcome.applied() && !outcome.rejected()) {
                        // No answer: the sale stays this one command (it may be applied already), watched until decided.
                        counter.waitingSales().watch(item, sale.orderId());
                    }
                    return new Object[]{outcome, counter.order(sale.orderId().toString())};
                })
                .onSuccess(r -> saleDone((Counter.Outcome) r[0], (Counter.OrderDetail) r[1], change))
                .onError(e -> {
                    basketPane.setDisable(false);
                    payments.clear();
                    showError(e);
                })
                .runOn(ctx.background());
    }

    private void saleDone(Counter.Outcome outcome, Counter.OrderDetail order, long change) {
        basketPane.setDisable(false);
        if (outcome.rejected()) {
            payments.clear();
            updateTotals();
            message.setText(ctx.problems().forCode(outcome.code(), outcome.message()));
            return;
        }
        confirmed = order;
        String currency = basket.currency();
        if (outcome.applied() && order != null && order.number() != null && !order.provisional()) {
            orderNumberLabel.setText(String.format(t("boxoffice.orderConfirmed", "Order %s"), order.number()));
            confirmationDetail.setText(t("boxoffice.confirmed", "Confirmed by the server.")
                    + changeDue(change, currency));
            orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, false);
        } else if (order != null && counter.waitingSales().isWaiting(UUID.fromString(order.id()))) {
            orderNumberLabel.setText(t("boxoffice.waiting", "Waiting for the server"));
            confirmationDetail.setText(t("boxoffice.waiting.detail",
                    "The server did not answer in time, so this sale is not confirmed yet. Do not sell it again: it is kept on "
                            + "this computer and sent as soon as the server answers. Its tickets print by themselves once it "
                            + "is confirmed; if the server refuses it, you are told here and the customer gets the money back.")
                    + changeDue(change, currency));
            orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, true);
        } else {
            orderNumberLabel.setText(t("boxoffice.provisional", "Provisional sale"));
            confirmationDetail.setText(t("boxoffice.provisional.detail",
                    "The server has not confirmed this sale yet (offline?). It is sent as soon as the server can be reached; "
                            + "tickets can be printed once it is confirmed.")
                    + changeDue(change, currency));
            orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, true);
        }
        savedPath.setText("");
        // The seats are sold now: the hold is closed by the sale, so no release.
        quietSelection = true;
        try {
            seatMap.getSelection().clear();
        } finally {
            quietSelection = false;
        }
        heldSeats.clear();
        holdId = null;
        ticker.stop();
        holdCountdown.setText("");
        confirmationPane.setVisible(true);
        confirmationPane.toFront();
        message.setText("");
        replicaChanged();
        loadPerformances();
        confirmationPane.getChildren().stream().filter(n -> "newSale".equals(n.getId())).findFirst().ifPresent(Node::requestFocus);
    }

    /** The change to hand over, as the end of the confirmation's sentence; nothing when there is none. */
    private String changeDue(long change, String currency) {
        return change > 0 ? "  " + String.format(t("boxoffice.change", "Change due %s"), money.format(Money.of(change, currency))) : "";
    }

    private static final javafx.css.PseudoClass PROVISIONAL = javafx.css.PseudoClass.getPseudoClass("provisional");
    private static final javafx.css.PseudoClass GUARANTEED = javafx.css.PseudoClass.getPseudoClass("guaranteed");

    /** The offline sale on the confirmation pane whose outcome sync has not told yet. */
    private OutboxItem offlineItem;
    private long offlineChange;

    /**
     * Offline (or from this computer's allotment): the sale is recorded with device-signed tickets,
     * shown as guaranteed or provisional, and the tickets print at once. What sync makes of it
     * appears on the confirmation when the server answers.
     */
    private void sellOffline(Commands.SellSeats sale, long change) {
        basketPane.setDisable(true);
        Tasks.create(() -> {
                    com.admitone.client.offline.OfflineSales.Recorded recorded = counter.sellOffline(sale);
                    return new Object[]{recorded, counter.order(sale.orderId().toString())};
                })
                .onSuccess(r -> {
                    com.admitone.client.offline.OfflineSales.Recorded recorded = (com.admitone.client.offline.OfflineSales.Recorded) r[0];
                    offlineItem = recorded.item();
                    offlineChange = change;
                    saleDone(new Counter.Outcome(OutboxItem.Status.PENDING, null, null), (Counter.OrderDetail) r[1], change);
                    showOfflineOutcome((Counter.OrderDetail) r[1], null);
                    printTickets(confirmed, true);
                })
                .onError(e -> {
                    basketPane.setDisable(false);
                    payments.clear();
                    updateTotals();
                    message.setText(e instanceof com.admitone.client.offline.OfflineSales.RefusedException ? e.getMessage()
                            : ctx.failures().sentence(e));
                })
                .runOn(ctx.background());
    }

    /** The confirmation's words for an offline sale: guaranteed or provisional, then what sync made of it. */
    private void showOfflineOutcome(Counter.OrderDetail order, Counter.OfflineResult result) {
        String changeText = basket == null ? "" : changeDue(offlineChange, basket.currency());
        String outcome = result != null ? result.outcome() : order == null ? null : order.offlineOutcome();
        orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, false);
        orderNumberLabel.pseudoClassStateChanged(GUARANTEED, false);
        if (result == null) {
            boolean guaranteed = "GUARANTEED".equals(outcome);
            orderNumberLabel.setText(guaranteed ? t("boxoffice.offline.guaranteed", "Guaranteed sale")
                    : t("boxoffice.offline.provisional", "Provisional sale"));
            orderNumberLabel.pseudoClassStateChanged(guaranteed ? GUARANTEED : PROVISIONAL, true);
            confirmationDetail.setText((guaranteed
                    ? t("boxoffice.offline.guaranteed.detail", "Sold from this computer's allotment: it cannot fail. "
                    + "The tickets are valid now; the server gets the sale at the next sync.")
                    : t("boxoffice.offline.provisional.detail", "Sold offline outside this computer's allotment. The tickets "
                    + "are valid now; at the next sync the server keeps the seats, moves the sale to equivalent seats, "
                    + "or raises a conflict for staff.")) + changeText);
            return;
        }
        String number = order == null || order.number() == null ? "" : order.number();
        switch (outcome == null ? "" : outcome) {
            case "MOVED" -> {
                orderNumberLabel.setText(String.format(t("boxoffice.offline.moved", "Order %s: moved"), number));
                orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, true);
                confirmationDetail.setText(String.format(t("boxoffice.offline.moved.detail",
                        "The server moved %d ticket(s) to equivalent seats. Reprint the tickets (Ctrl+P) and give the "
                                + "customer the new ones."), result.moves().size()));
            }
            case "CONFLICT" -> {
                orderNumberLabel.setText(String.format(t("boxoffice.offline.conflict", "Order %s: conflict"), number));
                orderNumberLabel.pseudoClassStateChanged(PROVISIONAL, true);
                confirmationDetail.setText(t("boxoffice.offline.conflict.detail",
                        "Some seats of this sale were sold elsewhere and no equivalent seats were free. Those tickets are "
                                + "cancelled; settle it in Sync & devices, Conflicts (other seats or a refund)."));
            }
            default -> {
                orderNumberLabel.setText(String.format(t("boxoffice.orderConfirmed", "Order %s"), number));
                confirmationDetail.setText(t("boxoffice.offline.confirmed", "Confirmed by the server.") + changeText);
            }
        }
    }

    private void newSale() {
        if (basket != null && !heldSeats.isEmpty() && !confirmationPane.isVisible()) {
            releaseHold();
        }
        confirmationPane.setVisible(false);
        confirmed = null;
        offlineItem = null;
        resetBasket();
        message.setText("");
        tabs.getSelectionModel().select(sellTab);
        if (plan == null) {
            performanceSearch.requestFocus();
        } else {
            seatMap.requestFocus();
        }
    }

    // ---------------------------------------------------------------- printing

    private void printTickets(Counter.OrderDetail order, boolean toPrinter) {
        if (order == null) {
            return;
        }
        Label status = order == lookedUp && tabs.getSelectionModel().getSelectedItem() == ordersTab ? orderMessage : savedPath;
        String userId = ctx.cashier().get() == null ? null : ctx.cashier().get().userId();
        Tasks.create(() -> {
                    Counter.OrderDetail fresh = counter.order(order.id());
                    byte[] pdf = printouts.ticketsPdf(fresh == null ? order : fresh);
                    String name = (order.number() == null ? order.id() : order.number()) + "-tickets.pdf";
                    String where;
                    if (toPrinter && PdfPrinter.defaultPrinter().isPresent()) {
                        new PdfPrinter(ctx.background()).print(pdf, PdfPrinter.defaultPrinter().get()).get();
                        where = t("boxoffice.printed", "Sent to the printer.");
                    } else {
                        Path file = Printouts.save(pdf, ctx.printFolder(), name);
                        where = (toPrinter ? t("boxoffice.noPrinter", "No printer is set up; saved as ") : t("boxoffice.saved", "Saved as "))
                                + file;
                    }
                    boolean reprint = counter.printCount(order.id(), "TICKETS") > 0;
                    counter.recordPrint(order.id(), "TICKETS", userId);
                    return (reprint ? t("boxoffice.reprinted", "Reprint recorded. ") : "") + where;
                })
                .onSuccess(status::setText)
                .onError(e -> status.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    private void printReceipt(Counter.OrderDetail order, boolean toPrinter) {
        if (order == null) {
            return;
        }
        Cashier cashier = ctx.cashier().get();
        Tasks.create(() -> {
                    Counter.OrderDetail fresh = counter.order(order.id());
                    byte[] pdf = printouts.receiptPdf(fresh == null ? order : fresh, cashier == null ? "" : cashier.displayName(),
                            ctx.deviceName());
                    String where;
                    if (toPrinter && PdfPrinter.defaultPrinter().isPresent()) {
                        new PdfPrinter(ctx.background()).print(pdf, PdfPrinter.defaultPrinter().get()).get();
                        where = t("boxoffice.printed", "Sent to the printer.");
                    } else {
                        Path file = Printouts.save(pdf, ctx.printFolder(),
                                (order.number() == null ? order.id() : order.number()) + "-receipt.pdf");
                        where = (toPrinter ? t("boxoffice.noPrinter", "No printer is set up; saved as ") : t("boxoffice.saved", "Saved as "))
                                + file;
                    }
                    counter.recordPrint(order.id(), "RECEIPT", cashier == null ? null : cashier.userId());
                    return where;
                })
                .onSuccess(savedPath::setText)
                .onError(e -> savedPath.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    // ---------------------------------------------------------------- orders

    private void searchOrders() {
        String q = orderSearch.getText();
        if (q == null || q.isBlank()) {
            orderMessage.setText(t("boxoffice.orders.empty", "Type an order number, a name, an e-mail address or a phone number."));
            return;
        }
        orderMessage.setText(t("generic.working", "Working…"));
        Tasks.create(() -> findOrders(q.trim()))
                .onSuccess(hits -> {
                    orderResults.getItems().setAll(hits);
                    orderMessage.setText(hits.isEmpty() ? t("boxoffice.orders.none", "No order matches.") : "");
                    if (hits.size() == 1) {
                        orderResults.getSelectionModel().select(0);
                    }
                })
                .onError(e -> orderMessage.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    /** The server's search when it can be reached (it knows every counter's orders), else the replica's. */
    private List<Counter.OrderHit> findOrders(String q) {
        ServerApi api = ctx.api().get();
        if (api != null && api.hasToken() && Boolean.TRUE.equals(ctx.online().get())) {
            try {
                List<Counter.OrderHit> hits = new ArrayList<>();
                for (Map<String, Object> view : api.searchOrders(q)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> o = (Map<String, Object>) view.get("order");
                    if (o == null) {
                        continue;
                    }
                    Object total = o.get("totalMinor");
                    hits.add(new Counter.OrderHit(String.valueOf(o.get("id")), (String) o.get("number"), (String) o.get("status"),
                            (String) o.get("customerName"), total instanceof Number n ? n.longValue() : 0,
                            (String) o.get("currency"), null));
                }
                return hits;
            } catch (com.admitone.client.sync.ServerUnreachableException | com.admitone.client.sync.ServerFailureException e) {
                // fall back to what this computer knows
            }
        }
        return counter.searchReplica(q);
    }

    private void showOrder(String orderId) {
        Tasks.create(() -> counter.order(orderId))
                .onSuccess(order -> {
                    lookedUp = order;
                    refundChecks.clear();
                    ticketChecks.getChildren().clear();
                    if (order == null) {
                        orderHeader.setText(t("boxoffice.orders.notHere",
                                "This order is not on this computer yet. Wait for the sync (F5) and try again."));
                        return;
                    }
                    orderHeader.setText((order.number() == null ? "Provisional order" : "Order " + order.number()) + "  ·  "
                            + order.status() + (order.offlineOutcome() == null ? "" : "  ·  sold offline: " + order.offlineOutcome())
                            + "\n" + order.title() + ", " + when.format(order.startsAt().atZone(order.zone()))
                            + "\n" + (order.customerName() == null ? "" : order.customerName() + "  ")
                            + (order.customerEmail() == null ? "" : order.customerEmail() + "  ")
                            + (order.customerPhone() == null ? "" : order.customerPhone())
                            + "\nTotal " + money.format(Money.of(order.totalMinor(), order.currency())));
                    int i = 0;
                    for (Counter.TicketRow ticket : order.tickets()) {
                        String place = ticket.seatLabel() != null ? ticket.section() + " " + ticket.seatLabel()
                                : (ticket.areaName() == null ? "" : ticket.areaName());
                        CheckBox box = new CheckBox(place + "  ·  " + ticket.priceType() + "  ·  "
                                + money.format(Money.of(ticket.priceMinor() - ticket.discountMinor(), order.currency()))
                                + "  ·  " + ticket.status());
                        box.setId("refundTicket-" + i++);
                        box.setDisable(!ticket.valid());
                        refundChecks.put(ticket.id(), box);
                        ticketChecks.getChildren().add(box);
                    }
                })
                .onError(e -> orderMessage.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    private static final javafx.css.PseudoClass OK = javafx.css.PseudoClass.getPseudoClass("ok");

    private void refund() {
        Counter.OrderDetail order = lookedUp;
        if (order == null) {
            return;
        }
        List<UUID> ticketIds = refundChecks.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(e -> UUID.fromString(e.getKey())).toList();
        if (ticketIds.isEmpty()) {
            orderMessage.setText(t("boxoffice.refund.pick", "Tick the tickets to refund."));
            return;
        }
        String reason = refundReason.getText();
        if (reason == null || reason.isBlank()) {
            orderMessage.setText(ctx.problems().forCode("REASON_REQUIRED", null));
            refundReason.requestFocus();
            return;
        }
        orderMessage.setText(t("generic.working", "Working…"));
        orderMessage.pseudoClassStateChanged(OK, false);
        if (!Boolean.TRUE.equals(ctx.online().get())) {
            Tasks.create(() -> counter.refundOffline(UUID.fromString(order.id()), ticketIds, reason.trim()))
                    .onSuccess(item -> {
                        orderMessage.setText(String.format(t("boxoffice.refund.offline",
                                "Refunded %d ticket(s) in cash while offline. They no longer admit at this computer's gate, "
                                        + "and everywhere once the server has the refund."), ticketIds.size()));
                        orderMessage.pseudoClassStateChanged(OK, true);
                        refundReason.clear();
                        showOrder(order.id());
                    })
                    .onError(e -> orderMessage.setText(e instanceof com.admitone.client.offline.OfflineSales.RefusedException
                            ? e.getMessage() : ctx.failures().sentence(e)))
                    .runOn(ctx.background());
            return;
        }
        UUID refundId = UUID.randomUUID();
        String manager = refundManagerUser.getText().trim();
        String password = refundManagerPassword.getText();
        refundManagerPassword.clear();
        long payout = com.admitone.client.sales.ExchangeQuote.worth(order, ticketIds.stream().map(UUID::toString).toList());
        Cashier cashier = ctx.cashier().get();
        Tasks.create(() -> {
                    // Above the venue's limit a manager approves first, on the server: the password never enters the outbox.
                    long venue = counter.venueOf(order.performanceId());
                    if (approvalLimits.needsApproval(venue, payout, cashier == null ? null : cashier.role())) {
                        if (manager.isEmpty() || password.isEmpty()) {
                            return new Counter.Outcome(null, "APPROVAL_REQUIRED", null);
                        }
                        ServerApi api = ctx.api().get();
                        if (api == null || !api.hasToken()) {
                            throw new IllegalStateException(t("boxoffice.approval.offline",
                                    "A manager's approval needs the server. Connect and try again."));
                        }
                        api.approveRefund(refundId, manager, password, payout);
                    }
                    OutboxItem item = counter.record(new Commands.RefundTickets(refundId, UUID.fromString(order.id()),
                            ticketIds, reason.trim(), List.of()));
                    return counter.await(item, java.time.Duration.ofSeconds(10));
                })
                .onSuccess(outcome -> {
                    boolean askManager = "APPROVAL_REQUIRED".equals(outcome.code());
                    refundApproval.setVisible(askManager);
                    refundApproval.setManaged(askManager);
                    if (askManager) {
                        orderMessage.setText(String.format(t("boxoffice.approval.needed",
                                "Refunding %s needs a manager: they type their username and password, then Refund again."),
                                money.format(Money.of(payout, order.currency()))));
                        refundManagerUser.requestFocus();
                    } else if (outcome.rejected()) {
                        orderMessage.setText(ctx.problems().forCode(outcome.code(), outcome.message()));
                    } else if (outcome.applied()) {
                        orderMessage.setText(String.format(t("boxoffice.refund.done", "Refunded %d ticket(s). The seats are back on sale."),
                                ticketIds.size()));
                        orderMessage.pseudoClassStateChanged(OK, true);
                        refundReason.clear();
                        showOrder(order.id());
                    } else {
                        orderMessage.setText(t("boxoffice.refund.waiting",
                                "The refund is recorded and will be sent when the server can be reached."));
                    }
                })
                .onError(e -> orderMessage.setText(ctx.failures().sentence(e)))
                .runOn(ctx.background());
    }

    /** Opens the exchange pane for the ticked tickets of the order shown. */
    private void startExchange() {
        Counter.OrderDetail order = lookedUp;
        if (order == null || exchangeScroll.isVisible()) {
            return;
        }
        List<String> ticketIds = order.tickets().stream().filter(tk -> refundChecks.containsKey(tk.id())
                && refundChecks.get(tk.id()).isSelected() && tk.valid()).map(Counter.TicketRow::id).toList();
        if (ticketIds.isEmpty()) {
            orderMessage.setText(t("boxoffice.exchange.pick", "Tick the tickets to exchange."));
            return;
        }
        if (order.number() == null) {
            orderMessage.setText(t("boxoffice.exchange.provisional", "This order is not confirmed by the server yet; exchange it after the sync."));
            return;
        }
        orderMessage.setText("");
        orderDetailScroll.setVisible(false);
        exchangeScroll.setVisible(true);
        exchangeScroll.setVvalue(0);
        exchangePane.open(order, ticketIds);
    }

    /** The exchange pane closed: show the old order again, its tickets as they are now. */
    private void exchangeFinished(String oldOrderId) {
        exchangeScroll.setVisible(false);
        orderDetailScroll.setVisible(true);
        if (oldOrderId != null) {
            showOrder(oldOrderId);
        }
        orderSearch.requestFocus();
    }

    // ---------------------------------------------------------------- helpers

    private void showError(Throwable e) {
        message.setText(ctx.failures().sentence(e));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // for tests
    SeatMapView seatMap() {
        return seatMap;
    }

    ExchangePane exchangePane() {
        return exchangePane;
    }
}

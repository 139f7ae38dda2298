package com.admitone.client.ui.gate;

import com.admitone.client.gate.GateScan;
import com.admitone.client.gate.GateService;
import com.admitone.client.gate.DuplicateEntries;
import com.admitone.client.gate.GateSettings;
import com.admitone.client.gate.TicketLookup;
import com.admitone.client.gate.QrImageDecoder;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.Event;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.TicketTokenCodec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The gate screen's state: the chosen performance, gate name and mode, the last verdict in big
 * words, and the admitted/expected counters. Scans, image decoding and counts run on the
 * background executor; results land in the properties on the JavaFX thread.
 */
public final class GateViewModel {
    /** How a verdict is shown: the light decides the style class, the words are read from 2 m. */
    public enum Light { IDLE, ADMIT, ALREADY, REJECT, GROUP }

    /** A genuine group ticket waiting for staff to count the group through. */
    public record PendingGroup(String text, int mayEnter, String place, PriceType priceType) {
    }

    /** A performance the gate can admit to, as listed in the chooser. */
    public record PerformanceChoice(long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final GateService gate;
    private final TicketLookup lookup;
    private final DuplicateEntries duplicateEntries;
    private final LocalStore store;
    private final Executor background;
    private final Strings strings;
    private final ZoneId zone;
    private final Clock clock;
    private final QrImageDecoder decoder = new QrImageDecoder();
    private final DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm");

    private final ObservableList<PerformanceChoice> performances = FXCollections.observableArrayList();
    private final ObjectProperty<PerformanceChoice> performance = new SimpleObjectProperty<>();
    private final StringProperty gateName = new SimpleStringProperty();
    private final ObjectProperty<ScanMode> mode = new SimpleObjectProperty<>(ScanMode.ENTRY);
    private final ObjectProperty<Light> light = new SimpleObjectProperty<>(Light.IDLE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<PendingGroup> pendingGroup = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TicketLookup.Match> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lookupMessage = new ReadOnlyStringWrapper("");
    private Consumer<Light> onVerdict = l -> { };
    private final java.util.concurrent.atomic.AtomicBoolean waitingForPerformances = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();

    public GateViewModel(GateService gate, LocalStore store, Executor background, Strings strings, ZoneId zone, Clock clock,
                         String defaultGateName) {
        this.gate = gate;
        this.lookup = new TicketLookup(store);
        this.duplicateEntries = new DuplicateEntries(store);
        this.store = store;
        this.background = background;
        this.strings = strings;
        this.zone = zone;
        this.clock = clock;
        gateName.set(defaultGateName);
        headline.set(strings.get("gate.ready"));
        detail.set(strings.get("gate.ready.detail"));
        performance.addListener((obs, was, now) -> refreshCounters());
        // A gate opened before its first sync has nothing to choose from; list the performances as
        // soon as the feed brings them, once, rather than on every scan written afterwards.
        store.onWrite(s -> {
            if (waitingForPerformances.get() && !loading.getAndSet(true)) {
                javafx.application.Platform.runLater(this::loadPerformances);
            }
        });
    }

    /** Called on the JavaFX thread after each verdict, e.g. to sound it. */
    public void onVerdict(Consumer<Light> listener) {
        this.onVerdict = listener;
    }

    /** Loads the performances of the coming hours, choosing the one that starts next (or is running). */
    public void loadPerformances() {
        loading.set(true);
        Tasks.create(this::todaysPerformances).onSuccess(list -> {
            PerformanceChoice chosen = performance.get();
            performances.setAll(list);
            if (chosen != null) {
                list.stream().filter(c -> c.id() == chosen.id()).findFirst().ifPresent(performance::set);
            }
            if (performance.get() == null && !list.isEmpty()) {
                performance.set(list.get(0));
            }
            waitingForPerformances.set(list.isEmpty());
        }).andFinally(() -> loading.set(false)).runOn(background);
    }

    private List<PerformanceChoice> todaysPerformances() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(6));
        Instant to = now.plus(Duration.ofHours(36));
        return store.read(session -> {
            Map<Long, String> titles = new HashMap<>();
            for (Event e : session.createSelectionQuery("from Event", Event.class).getResultList()) {
                titles.put(e.id(), e.title());
            }
            return session.createSelectionQuery("from Performance where startsAt >= :from and startsAt <= :to", Performance.class)
                    .setParameter("from", from).setParameter("to", to).getResultList().stream()
                    // Running or next first: the one whose start is nearest to now.
                    .sorted(Comparator.comparing(p -> Duration.between(now, p.startsAt()).abs()))
                    .map(p -> new PerformanceChoice(p.id(), titles.getOrDefault(p.eventId(), "#" + p.id()) + " — "
                            + DateTimeFormatter.ofPattern("EEE d MMM HH:mm").format(p.startsAt().atZone(zone))))
                    .toList();
        });
    }

    /**
     * Judges scanned text (keyboard wedge, camera, or a ticket picked from the look-up) and shows the
     * verdict. A new scan while a group waits for its headcount drops that group: nobody was let in.
     */
    public void submit(String text) {
        GateSettings settings = settings();
        if (settings == null || text == null || text.isBlank()) {
            return;
        }
        pendingGroup.set(null);
        matches.clear();
        lookupMessage.set("");
        Tasks.create(() -> gate.scan(text, settings)).onSuccess(scan -> show(text, scan)).onError(this::showFailure)
                .runOn(background);
    }

    /**
     * The manual field: a pasted or typed ticket code is judged like a scan; anything else is looked
     * up as an order number or a customer's name, email or phone among this performance's tickets.
     */
    public void lookUp(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (text.strip().startsWith(TicketTokenCodec.PREFIX)) {
            submit(text.strip());
            return;
        }
        PerformanceChoice chosen = performance.get();
        if (chosen == null) {
            settings();
            return;
        }
        Tasks.create(() -> lookup.find(text, chosen.id())).onSuccess(found -> {
            lookupMessage.set(found.isEmpty() ? strings.format("gate.lookup.none", text.strip())
                    : strings.format("gate.lookup.found", found.size()));
            matches.setAll(found);
        }).onError(this::showFailure).runOn(background);
    }

    /** Judges a ticket picked from the look-up list by its own signed token, exactly as a scan of it. */
    public void admitMatch(TicketLookup.Match match) {
        if (match == null) {
            return;
        }
        if (match.token() == null) {
            lookupMessage.set(strings.get("gate.lookup.noToken"));
            return;
        }
        submit(match.token());
    }

    /** Closes the look-up list. */
    public void clearLookUp() {
        matches.clear();
        lookupMessage.set("");
    }

    /** Staff counted {@code people} of the waiting group through: records them as admitted. */
    public void confirmHeadcount(int people) {
        PendingGroup group = pendingGroup.get();
        GateSettings settings = settings();
        if (group == null || settings == null) {
            return;
        }
        int count = Math.max(1, Math.min(people, group.mayEnter()));
        pendingGroup.set(null);
        Tasks.create(() -> gate.admitGroup(group.text(), settings, count)).onSuccess(scan -> show(group.text(), scan)).onError(this::showFailure)
                .runOn(background);
    }

    /** Staff turned the group away or scanned by mistake: nobody was let in, nothing is recorded. */
    public void cancelHeadcount() {
        if (pendingGroup.get() == null) {
            return;
        }
        pendingGroup.set(null);
        light.set(Light.IDLE);
        headline.set(strings.get("gate.ready"));
        detail.set(strings.get("gate.group.cancelled"));
    }

    /**
     * The after-the-fact report: tickets of the chosen performance that let in more people than they
     * admit (second entries made while gates were offline), one line each, for a manager to follow up.
     */
    public void loadDuplicates(Consumer<List<String>> shown) {
        PerformanceChoice chosen = performance.get();
        if (chosen == null) {
            settings();
            return;
        }
        Tasks.create(() -> duplicateEntries.find(chosen.id())).onSuccess(found -> shown.accept(found.stream()
                .map(this::duplicateLine).toList())).onError(this::showFailure).runOn(background);
    }

    private String duplicateLine(DuplicateEntries.Duplicate d) {
        String entries = d.entries().stream()
                .map(a -> timeFormat.format(a.at().atZone(zone)) + " " + a.gate())
                .collect(java.util.stream.Collectors.joining(", "));
        return strings.format("gate.duplicates.line", d.place() == null ? "?" : d.place(),
                d.orderNumber() == null ? "?" : d.orderNumber(), d.entries().size(), d.admits(), entries);
    }

    /** Decodes dropped image files off the JavaFX thread and judges each code found. */
    public void submitImages(List<Path> files) {
        GateSettings settings = settings();
        if (settings == null) {
            return;
        }
        for (Path file : files) {
            Tasks.create(() -> {
                Optional<String> text = decoder.decode(file);
                return text.map(t -> Map.entry(t, gate.scan(t, settings))).orElse(null);
            }).onSuccess(scanned -> {
                if (scanned == null) {
                    showUnreadableImage(file);
                } else {
                    show(scanned.getKey(), scanned.getValue());
                }
            }).onError(this::showFailure).runOn(background);
        }
    }

    private GateSettings settings() {
        PerformanceChoice chosen = performance.get();
        if (chosen == null) {
            light.set(Light.REJECT);
            headline.set(strings.get("gate.noPerformance"));
            detail.set(strings.get("gate.noPerformance.detail"));
            return null;
        }
        String name = gateName.get() == null || gateName.get().isBlank() ? strings.get("gate.defaultName") : gateName.get().strip();
        return new GateSettings(chosen.id(), name, mode.get());
    }

    void show(String text, GateScan scan) {
        GateVerdict verdict = scan.verdict();
        Verdict kind = verdict.verdict();
        if (scan.awaitingHeadcount()) {
            pendingGroup.set(new PendingGroup(text, scan.headcount(), scan.place(), verdict.token().priceType()));
            light.set(Light.GROUP);
            headline.set(strings.format("gate.group.headline", scan.headcount()));
            detail.set(strings.format("gate.group.detail", scan.place() == null ? "" : scan.place() + "  ·  ",
                    verdict.token().priceType().label(), verdict.admittedBefore(), verdict.token().admits()));
            onVerdict.accept(Light.GROUP);
            return;
        }
        switch (kind.light()) {
            case GREEN -> {
                light.set(Light.ADMIT);
                headline.set(kind == Verdict.EXITED ? strings.get("gate.verdict.EXITED") : strings.get("gate.verdict.ADMIT"));
                detail.set(admitDetail(scan));
            }
            case ORANGE -> {
                light.set(Light.ALREADY);
                headline.set(strings.get("gate.verdict.ALREADY_ADMITTED"));
                detail.set(strings.format("gate.already.detail",
                        timeFormat.format(verdict.previous().at().atZone(zone)), verdict.previous().gate()));
            }
            default -> {
                light.set(Light.REJECT);
                headline.set(strings.get("gate.verdict.REJECTED"));
                detail.set(strings.orElse("gate.reason." + kind.name(), kind.sentence()));
            }
        }
        onVerdict.accept(light.get());
        refreshCounters();
    }

    private String admitDetail(GateScan scan) {
        GateVerdict verdict = scan.verdict();
        PriceType priceType = verdict.token().priceType();
        String text = (scan.place() == null ? "" : scan.place() + "  ·  ") + priceType.label();
        if (verdict.token().admits() > 1 && scan.admittedNow() > 0) {
            text += "  ·  " + strings.format("gate.group.admitted", scan.admittedNow(),
                    verdict.admittedBefore() + scan.admittedNow(), verdict.token().admits());
        }
        return text;
    }

    private void showUnreadableImage(Path file) {
        light.set(Light.REJECT);
        headline.set(strings.get("gate.verdict.REJECTED"));
        detail.set(strings.format("gate.image.unreadable", file.getFileName()));
        onVerdict.accept(Light.REJECT);
    }

    private void showFailure(Throwable error) {
        light.set(Light.REJECT);
        headline.set(strings.get("gate.failed"));
        detail.set(String.valueOf(error.getMessage()));
    }

    public void refreshCounters() {
        PerformanceChoice chosen = performance.get();
        if (chosen == null) {
            return;
        }
        Tasks.create(() -> gate.counts(chosen.id()))
                .onSuccess(c -> counters.set(strings.format("gate.counters", c[0], c[1])))
                .runOn(background);
    }

    public ObservableList<PerformanceChoice> performances() {
        return performances;
    }

    public ObjectProperty<PerformanceChoice> performanceProperty() {
        return performance;
    }

    public StringProperty gateNameProperty() {
        return gateName;
    }

    public ObjectProperty<ScanMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Light> lightProperty() {
        return light;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PendingGroup> pendingGroupProperty() {
        return pendingGroup.getReadOnlyProperty();
    }

    public ObservableList<TicketLookup.Match> matches() {
        return matches;
    }

    public ReadOnlyStringProperty lookupMessageProperty() {
        return lookupMessage.getReadOnlyProperty();
    }

    /** A line of the screen's text in the staff's language. */
    public String text(String key) {
        return strings.get(key);
    }

    /** How a look-up match is listed: order, name, place, price type, and its state when not valid. */
    public String matchLabel(TicketLookup.Match m) {
        String who = m.customerName() == null || m.customerName().isBlank() ? strings.get("gate.lookup.guest") : m.customerName();
        String state = "VALID".equals(m.status()) ? "" : "  ·  " + m.status().toLowerCase(java.util.Locale.ROOT);
        return (m.orderNumber() == null ? "—" : m.orderNumber()) + "  ·  " + who + "  ·  " + m.place() + "  ·  "
                + m.priceType().label() + state;
    }
}

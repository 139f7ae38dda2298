package com.admitone.client.ui.gate;

import com.admitone.client.gate.GateScan;
import com.admitone.client.gate.GateService;
import com.admitone.client.gate.GateSettings;
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
import javafx.beans.property.ObjectProperty;
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
    public enum Light { IDLE, ADMIT, ALREADY, REJECT }

    /** A performance the gate can admit to, as listed in the chooser. */
    public record PerformanceChoice(long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final GateService gate;
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
    private Consumer<Light> onVerdict = l -> { };

    public GateViewModel(GateService gate, LocalStore store, Executor background, Strings strings, ZoneId zone, Clock clock,
                         String defaultGateName) {
        this.gate = gate;
        this.store = store;
        this.background = background;
        this.strings = strings;
        this.zone = zone;
        this.clock = clock;
        gateName.set(defaultGateName);
        headline.set(strings.get("gate.ready"));
        detail.set(strings.get("gate.ready.detail"));
        performance.addListener((obs, was, now) -> refreshCounters());
    }

    /** Called on the JavaFX thread after each verdict, e.g. to sound it. */
    public void onVerdict(Consumer<Light> listener) {
        this.onVerdict = listener;
    }

    /** Loads the performances of the coming hours, choosing the one that starts next (or is running). */
    public void loadPerformances() {
        Tasks.create(this::todaysPerformances).onSuccess(list -> {
            performances.setAll(list);
            if (performance.get() == null && !list.isEmpty()) {
                performance.set(list.get(0));
            }
        }).runOn(background);
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

    /** Judges scanned text (keyboard wedge or manual entry) and shows the verdict. */
    public void submit(String text) {
        GateSettings settings = settings();
        if (settings == null || text == null || text.isBlank()) {
            return;
        }
        Tasks.create(() -> gate.scan(text, settings)).onSuccess(this::show).onError(this::showFailure).runOn(background);
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
                return text.map(t -> gate.scan(t, settings)).orElse(null);
            }).onSuccess(scan -> {
                if (scan == null) {
                    showUnreadableImage(file);
                } else {
                    show(scan);
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

    void show(GateScan scan) {
        GateVerdict verdict = scan.verdict();
        Verdict kind = verdict.verdict();
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
        if (verdict.token().admits() > 1) {
            text += "  ·  " + strings.format("gate.group", verdict.admittedBefore() + 1, verdict.token().admits());
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
}

package com.admitone.client.gate;

import com.admitone.client.store.DataFolder;
import com.admitone.client.store.LocalStore;
import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.ticket.MalformedTokenException;
import com.admitone.model.ticket.TicketTokenCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./admitone scan}: reads ticket QR codes from image files and prints, per file, the decoded
 * text ({@code --decode-only}) or the gate verdict against this computer's local replica. Prints
 * {@code UNREADABLE} for a file with no readable code, and exits with 1 if any file was unreadable.
 * A dry run: nothing is recorded and no scan is sent.
 */
@Command(name = "admitone scan", mixinStandardHelpOptions = true,
        description = "Decode ticket QR codes in images and judge them against the local replica.")
public final class ScanMain implements Callable<Integer> {
    static final String UNREADABLE = "UNREADABLE";

    @Option(names = "--decode-only", description = "Print the decoded text only; do not open the replica.")
    boolean decodeOnly;

    @Option(names = "--gate", description = "The gate name to judge as (default ${DEFAULT-VALUE}).", defaultValue = "scan tool")
    String gate;

    @Option(names = "--performance", description = "The performance the gate admits to (default: each ticket's own).")
    Long performance;

    @Option(names = "--exit", description = "Judge as an exit scan.")
    boolean exit;

    @Option(names = "--at", description = "Judge as at this instant (ISO-8601, e.g. 2026-11-22T19:00:00Z; default now).")
    Instant at;

    @Option(names = "--data", description = "The client's data folder (default: the user's application-data folder).")
    Path data;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, ...).")
    List<Path> images;

    private PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScanMain()).execute(args));
    }

    @Override
    public Integer call() {
        QrImageDecoder decoder = new QrImageDecoder();
        boolean anyUnreadable = false;
        LocalStore store = decodeOnly ? null : LocalStore.open(DataFolder.resolve(data));
        try {
            Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
            GateService gateService = store == null ? null : new GateService(store, null, clock, () -> null);
            for (Path image : images) {
                Optional<String> text = decoder.decode(image);
                if (text.isEmpty()) {
                    anyUnreadable = true;
                    out.println(image + "\t" + UNREADABLE);
                } else if (decodeOnly) {
                    out.println(image + "\t" + text.get());
                } else {
                    GateVerdict verdict = gateService.judge(text.get(), settingsFor(text.get()));
                    out.println(image + "\t" + verdict.verdict().name());
                }
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return anyUnreadable ? 1 : 0;
    }

    private GateSettings settingsFor(String text) {
        long performanceId = performance != null ? performance : performanceOf(text);
        return new GateSettings(performanceId, gate, exit ? ScanMode.EXIT : ScanMode.ENTRY);
    }

    private static long performanceOf(String text) {
        try {
            return TicketTokenCodec.decode(text).token().performanceId();
        } catch (MalformedTokenException e) {
            return -1;
        }
    }

    ScanMain writingTo(PrintWriter writer) {
        this.out = writer;
        return this;
    }
}

package com.admitone.client.store;

import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.sync.ServerApi;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On a headless JavaFX toolkit (Monocle): store and HTTP calls refuse the application thread. */
class UiThreadGuardTest {
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aStoreReadOnTheFxThreadThrows(@TempDir Path dir) throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.cursor().appliedSeq()).isZero(); // fine off the FX thread
            Throwable failure = onFxThread(store::cursor);
            assertThat(failure).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must not run on the JavaFX application thread");
        }
    }

    @Test
    void aStoreWriteOnTheFxThreadThrowsAndWritesNothing(@TempDir Path dir) throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store, java.time.Clock.systemUTC());
            Throwable failure = onFxThread(() -> outbox.record(CrashingWriter.sale(0), new Outbox.Author("u", "d")));
            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("local store write");
            assertThat(outbox.counts().waiting()).isZero();
        }
    }

    @Test
    void aServerCallOnTheFxThreadThrowsBeforeTouchingTheNetwork() throws Exception {
        ServerApi api = new ServerApi("http://127.0.0.1:9", ApiTimeouts.DEFAULT);
        try {
            Throwable failure = onFxThread(api::health);
            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("A call to the server");
        } finally {
            api.shutdown();
        }
    }

    private static Throwable onFxThread(Runnable call) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        return outcome.get(30, TimeUnit.SECONDS);
    }
}

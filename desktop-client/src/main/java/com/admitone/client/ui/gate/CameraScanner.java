package com.admitone.client.ui.gate;

import com.admitone.client.gate.Camera;
import com.admitone.client.gate.CameraUnavailableException;
import com.admitone.client.gate.Cameras;
import com.admitone.client.gate.QrImageDecoder;
import com.admitone.client.gate.RepeatFilter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.util.Duration;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The gate's camera: grabs a frame every {@value #PERIOD_MS} ms on its own thread, decodes any QR
 * code in it, and publishes the frame as a preview and each new code to the gate. Opening the
 * camera, grabbing and decoding all happen off the JavaFX thread; only the preview image and the
 * decoded text reach it, in {@code succeeded()}.
 */
final class CameraScanner extends ScheduledService<CameraScanner.Frame> {
    static final int PERIOD_MS = 150;

    /** One grabbed frame, its preview, and the code found in it, if any. */
    record Frame(Image preview, Optional<String> code) {
    }

    private final Cameras cameras;
    private final Consumer<String> onCode;
    private final QrImageDecoder decoder = new QrImageDecoder();
    private final RepeatFilter repeats = new RepeatFilter(java.time.Duration.ofSeconds(3), Clock.systemUTC());
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gate-camera");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Image> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** Touched only on the camera thread. */
    private Camera camera;
    private volatile String wanted;

    CameraScanner(Cameras cameras, Consumer<String> onCode) {
        this.cameras = cameras;
        this.onCode = onCode;
        setExecutor(thread);
        setPeriod(Duration.millis(PERIOD_MS));
        setRestartOnFailure(false);
        setOnSucceeded(e -> {
            Frame frame = getValue();
            if (frame.preview() != null) {
                preview.set(frame.preview());
            }
            frame.code().filter(repeats::isNewScan).ifPresent(onCode);
        });
        setOnFailed(e -> {
            Throwable error = getException();
            status.set(error instanceof CameraUnavailableException ? error.getMessage()
                    : "The camera stopped: " + error.getMessage());
            preview.set(null);
            closeCamera();
        });
    }

    /** Starts reading from the named camera (null: the first one). */
    void startCamera(String name) {
        wanted = name;
        status.set("");
        restart();
    }

    /** Stops reading and releases the camera for other programs. */
    void stopCamera() {
        cancel();
        preview.set(null);
        status.set("");
        closeCamera();
    }

    private void closeCamera() {
        thread.execute(() -> {
            if (camera != null) {
                camera.close();
                camera = null;
            }
        });
    }

    /** Stops for good: when the gate screen goes away. */
    void dispose() {
        stopCamera();
        thread.shutdown();
    }

    @Override
    protected Task<Frame> createTask() {
        return new Task<>() {
            @Override
            protected Frame call() {
                if (camera == null) {
                    camera = cameras.open(wanted);
                }
                Optional<BufferedImage> image = camera.grab();
                if (image.isEmpty()) {
                    return new Frame(null, Optional.empty());
                }
                Optional<String> code = decoder.decodeFrame(image.get());
                return new Frame(SwingFXUtils.toFXImage(image.get(), null), code);
            }
        };
    }

    ReadOnlyObjectProperty<Image> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

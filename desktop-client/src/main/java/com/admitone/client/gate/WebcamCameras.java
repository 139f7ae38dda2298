package com.admitone.client.gate;

import com.github.sarxos.webcam.Webcam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * USB and built-in cameras through webcam-capture (V4L2 on Linux, DirectShow on Windows,
 * AVFoundation on macOS). A QR code reads best at 1280x720 or the largest size below it: larger
 * frames cost decode time, smaller ones lose the modules of a code held at arm's length.
 * Native driver failures (no camera, no driver, a missing library) become a
 * {@link CameraUnavailableException} with a plain sentence, never a crash of the gate.
 */
public final class WebcamCameras implements Cameras {
    private static final Logger log = LoggerFactory.getLogger(WebcamCameras.class);
    private static final long DISCOVERY_TIMEOUT_MS = 4000;
    private static final Dimension PREFERRED = new Dimension(1280, 720);

    @Override
    public List<String> names() {
        return webcams().stream().map(Webcam::getName).toList();
    }

    @Override
    public Camera open(String name) {
        List<Webcam> found = webcams();
        Webcam webcam = found.stream().filter(w -> name == null || w.getName().equals(name)).findFirst()
                .orElseThrow(() -> new CameraUnavailableException(found.isEmpty()
                        ? "No camera found on this computer." : "The camera \"" + name + "\" is no longer connected."));
        try {
            if (!webcam.isOpen()) {
                webcam.setViewSize(bestSize(webcam.getViewSizes()));
                webcam.open();
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("camera {} did not open", webcam.getName(), e);
            throw new CameraUnavailableException("The camera \"" + webcam.getName() + "\" could not be opened; "
                    + "another program may be using it.", e);
        }
        return new WebcamCamera(webcam);
    }

    private static List<Webcam> webcams() {
        try {
            return Webcam.getWebcams(DISCOVERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception | LinkageError e) {
            log.warn("camera discovery failed", e);
            throw new CameraUnavailableException("Cameras cannot be used on this computer: " + e.getMessage(), e);
        }
    }

    /** 1280x720 if offered, otherwise the largest size not above it, otherwise the smallest. */
    static Dimension bestSize(Dimension[] offered) {
        if (offered == null || offered.length == 0) {
            return PREFERRED;
        }
        Comparator<Dimension> byArea = Comparator.comparingLong(d -> (long) d.width * d.height);
        return Arrays.stream(offered).filter(d -> d.width <= PREFERRED.width && d.height <= PREFERRED.height)
                .max(byArea).orElseGet(() -> Arrays.stream(offered).min(byArea).orElseThrow());
    }

    private record WebcamCamera(Webcam webcam) implements Camera {
        @Override
        public String name() {
            return webcam.getName();
        }

        @Override
        public Optional<BufferedImage> grab() {
            return Optional.ofNullable(webcam.getImage());
        }

        @Override
        public void close() {
            webcam.close();
        }
    }
}

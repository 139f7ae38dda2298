package com.admitone.client.gate;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * One open camera the gate reads tickets from, frame by frame. Used from one thread at a time (the
 * gate's camera thread), never from the JavaFX thread: grabbing a frame waits on the device.
 */
public interface Camera extends AutoCloseable {
    /** The name staff recognise, e.g. "HD Webcam C920". */
    String name();

    /** The latest frame, or empty when the camera has none (yet). */
    Optional<BufferedImage> grab();

    @Override
    void close();
}

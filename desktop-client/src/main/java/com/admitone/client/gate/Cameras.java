package com.admitone.client.gate;

import java.util.List;

/** The cameras attached to this computer. Blocking (device discovery): call off the JavaFX thread. */
public interface Cameras {
    /** The names of the cameras found; empty when there are none. */
    List<String> names();

    /** Opens the named camera, or the first one when {@code name} is null; throws {@link CameraUnavailableException}. */
    Camera open(String name);
}

package com.admitone.client.gate;

import org.junit.jupiter.api.Test;

import java.awt.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

class WebcamCamerasTest {
    @Test
    void prefers720pThenTheLargestSizeBelowItThenTheSmallest() {
        assertThat(WebcamCameras.bestSize(new Dimension[]{new Dimension(640, 480), new Dimension(1280, 720),
                new Dimension(1920, 1080)})).isEqualTo(new Dimension(1280, 720));
        assertThat(WebcamCameras.bestSize(new Dimension[]{new Dimension(320, 240), new Dimension(640, 480),
                new Dimension(1920, 1080)})).isEqualTo(new Dimension(640, 480));
        assertThat(WebcamCameras.bestSize(new Dimension[]{new Dimension(3840, 2160), new Dimension(1920, 1080)}))
                .isEqualTo(new Dimension(1920, 1080));
        assertThat(WebcamCameras.bestSize(new Dimension[0])).isEqualTo(new Dimension(1280, 720));
    }
}

package com.admitone.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInfoTest {

    @Test
    void buildPropertiesAreFilledInByMaven() {
        BuildInfo info = BuildInfo.current();
        assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.time()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z");
        assertThat(info.commit()).doesNotContain("${");
        assertThat(info.describe()).startsWith(info.version() + " (build ");
    }
}

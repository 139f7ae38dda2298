package com.admitone.bench.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {
    @Test
    void nearestRankPercentiles() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 10_000; i++) {
            l.add(i * 1_000_000L);
        }
        assertThat(l.percentileMs(50)).isEqualTo(5000.0);
        assertThat(l.percentileMs(99)).isEqualTo(9900.0);
        assertThat(l.percentileMs(100)).isEqualTo(10000.0);
        assertThat(l.maxMs()).isEqualTo(10000.0);
    }

    @Test
    void findsTheRepositoryRootFromTheModule() {
        Path root = RepoRoot.find();
        assertThat(root.resolve("benchmarks").resolve("pom.xml")).exists();
    }
}

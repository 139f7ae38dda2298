package com.admitone.bench.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps library chatter (embedded PostgreSQL, JDBC drivers) off the benchmark's console. */
public final class Logging {
    private Logging() {
    }

    public static void quiet(boolean verbose) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(verbose ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
        }
    }
}

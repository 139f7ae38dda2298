package com.admitone.model.gate;

/** Whether a gate is letting people in or out. Exits free an admission, so a ticket may come back in. */
public enum ScanMode {
    ENTRY, EXIT
}

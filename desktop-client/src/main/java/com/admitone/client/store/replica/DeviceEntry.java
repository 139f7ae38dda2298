package com.admitone.client.store.replica;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Another enrolled device (till, gate scanner) as the feed announced it. */
@Entity
@Table(name = "device")
public class DeviceEntry {
    @Id
    String id;
    String name;
    String status;

    protected DeviceEntry() {
    }

    DeviceEntry(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }
}

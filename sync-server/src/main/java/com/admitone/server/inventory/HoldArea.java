package com.admitone.server.inventory;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How many general-admission places of one area a hold has. */
@Entity
@Table(name = "hold_area")
public class HoldArea {
    @EmbeddedId
    HoldAreaId id;
    int quantity;

    protected HoldArea() {
    }

    HoldArea(String holdId, long areaId, int quantity) {
        this.id = new HoldAreaId(holdId, areaId);
        this.quantity = quantity;
    }

    public long areaId() {
        return id.areaId;
    }

    public int quantity() {
        return quantity;
    }
}

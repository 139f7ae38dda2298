package com.admitone.model.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change a device asks the server to make. Commands travel inside a {@link CommandEnvelope}
 * that carries the idempotency key; the JSON names the kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Commands.HoldSeats.class, name = "HoldSeats"),
        @JsonSubTypes.Type(value = Commands.ReleaseHold.class, name = "ReleaseHold"),
        @JsonSubTypes.Type(value = Commands.SellSeats.class, name = "SellSeats"),
        @JsonSubTypes.Type(value = Commands.RefundTickets.class, name = "RefundTickets"),
        @JsonSubTypes.Type(value = Commands.BlockSeats.class, name = "BlockSeats"),
        @JsonSubTypes.Type(value = Commands.UnblockSeats.class, name = "UnblockSeats"),
        @JsonSubTypes.Type(value = Commands.ChangePerformanceStatus.class, name = "ChangePerformanceStatus"),
        @JsonSubTypes.Type(value = Commands.RecordScans.class, name = "RecordScans"),
        @JsonSubTypes.Type(value = Commands.AllotSeats.class, name = "AllotSeats"),
        @JsonSubTypes.Type(value = Commands.RequestStandingAllotment.class, name = "RequestStandingAllotment"),
        @JsonSubTypes.Type(value = Commands.ReleaseAllotment.class, name = "ReleaseAllotment"),
        @JsonSubTypes.Type(value = Commands.SellOffline.class, name = "SellOffline"),
        @JsonSubTypes.Type(value = Commands.ResolveConflict.class, name = "ResolveConflict"),
        @JsonSubTypes.Type(value = Commands.SetProvisionalPolicy.class, name = "SetProvisionalPolicy"),
        @JsonSubTypes.Type(value = Commands.ExchangeTickets.class, name = "ExchangeTickets"),
})
public sealed interface Command permits Commands.HoldSeats, Commands.ReleaseHold, Commands.SellSeats,
        Commands.RefundTickets, Commands.BlockSeats, Commands.UnblockSeats, Commands.ChangePerformanceStatus,
        Commands.RecordScans, Commands.AllotSeats, Commands.RequestStandingAllotment, Commands.ReleaseAllotment,
        Commands.SellOffline, Commands.ResolveConflict, Commands.SetProvisionalPolicy, Commands.ExchangeTickets {

    /** The performance whose inventory the command touches, or null if it is found through an order or hold. */
    default Long performanceId() {
        return null;
    }
}

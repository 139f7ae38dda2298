package com.admitone.server.auth;

import com.admitone.model.auth.Role;

/** Who is calling: a logged-in staff user on an enrolled device. */
public record Principal(String userId, String username, String displayName, Role role, String deviceId) {

    /** The server itself, for work nobody asked for (hold expiry, demo data). */
    public static final Principal SYSTEM = new Principal("system", "system", "AdmitOne server", Role.ADMIN, "server");
}

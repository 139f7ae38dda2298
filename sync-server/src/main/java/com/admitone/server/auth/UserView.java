package com.admitone.server.auth;

/** A staff user as the API shows it: never with a hash. */
public record UserView(String id, String username, String displayName, String role, boolean active) {
}

package com.admitone.client.auth;

import com.admitone.model.auth.Role;

/**
 * The member of staff working the till now.
 *
 * @param verifiedOnline true if the server checked the password in this run of the app; false for an
 *                       offline log-in against the stored hash (sync then waits for the server)
 */
public record Cashier(String userId, String username, String displayName, Role role, boolean verifiedOnline) {
}

package com.admitone.client.sync;

/**
 * Gets the engine a staff session when it has none or the server ended it: for example the log-in
 * of a cashier who logged in offline, tried again once the server is back.
 */
public interface SessionRenewal {
    /** Tries to log in again; true if {@link ServerApi} now has a token. Called on the engine's thread. */
    boolean renew(ServerApi api);

    SessionRenewal NONE = api -> false;
}

package com.admitone.client.store;

import com.admitone.model.auth.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A member of staff who logged in on this device with the server's approval, kept so they can log
 * in again while the server is out of reach. Holds Argon2id hashes, never a password or PIN.
 */
@Entity
@Table(name = "known_user")
public class KnownUser {
    @Id
    @Column(name = "user_id")
    String userId;
    String username;
    @Column(name = "display_name")
    String displayName;
    String role;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "pin_hash")
    String pinHash;
    @Column(name = "failed_pins")
    int failedPins;
    @Column(name = "last_login_ms")
    Instant lastLogin;

    protected KnownUser() {
    }

    public KnownUser(String userId, String username, String displayName, Role role, String passwordHash, Instant lastLogin) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.role = role.wireName();
        this.passwordHash = passwordHash;
        this.lastLogin = lastLogin;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return Role.fromWire(role);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String pinHash() {
        return pinHash;
    }

    public int failedPins() {
        return failedPins;
    }

    public Instant lastLogin() {
        return lastLogin;
    }

    /** After an online log-in: the server's current name and role, and the hash of the password that worked. */
    public void loggedIn(String newUsername, String newDisplayName, Role newRole, String newPasswordHash, Instant at) {
        this.username = newUsername;
        this.displayName = newDisplayName;
        this.role = newRole.wireName();
        this.passwordHash = newPasswordHash;
        this.lastLogin = at;
        this.failedPins = 0;
    }

    public void offlineLogin(Instant at) {
        this.lastLogin = at;
        this.failedPins = 0;
    }

    public void pinSet(String hash) {
        this.pinHash = hash;
        this.failedPins = 0;
    }

    public void pinFailed(int lockAfter) {
        failedPins++;
        if (failedPins >= lockAfter) {
            pinHash = null;
        }
    }

    public void pinAccepted() {
        failedPins = 0;
    }
}

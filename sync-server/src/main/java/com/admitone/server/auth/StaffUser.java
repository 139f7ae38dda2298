package com.admitone.server.auth;

import com.admitone.model.auth.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member of staff who logs in. Passwords are stored only as Argon2id hashes. */
@Entity
@Table(name = "staff_user")
public class StaffUser {
    @Id
    String id;
    String username;
    @Column(name = "display_name")
    String displayName;
    @Enumerated(EnumType.STRING)
    Role role;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "pin_hash")
    String pinHash;
    boolean active;
    @Column(name = "failed_logins")
    int failedLogins;
    @Column(name = "last_failed_ms")
    Instant lastFailed;
    @Column(name = "locked_until_ms")
    Instant lockedUntil;
    @Column(name = "created_ms")
    Instant created;

    protected StaffUser() {
    }

    StaffUser(String id, String username, String displayName, Role role, String passwordHash, Instant created) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.active = true;
        this.created = created;
    }

    public UserView view() {
        return new UserView(id, username, displayName, role.wireName(), active);
    }
}

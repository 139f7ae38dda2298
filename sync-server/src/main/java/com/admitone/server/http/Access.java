package com.admitone.server.http;

import com.admitone.model.auth.Role;
import io.javalin.security.RouteRole;

/** The roles a route can declare. ANYONE marks the few open routes; every other route names its staff roles. */
public enum Access implements RouteRole {
    ANYONE(null),
    ADMIN(Role.ADMIN),
    MANAGER(Role.MANAGER),
    BOX_OFFICE(Role.BOX_OFFICE),
    GATE(Role.GATE),
    COORDINATOR(Role.COORDINATOR);

    /** Every staff role: routes any logged-in member of staff may call. */
    public static final Access[] STAFF = {ADMIN, MANAGER, BOX_OFFICE, GATE, COORDINATOR};
    public static final Access[] MANAGERS = {ADMIN, MANAGER};
    public static final Access[] SELLERS = {ADMIN, MANAGER, BOX_OFFICE, COORDINATOR};

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public static Access of(Role role) {
        return valueOf(role.name());
    }
}

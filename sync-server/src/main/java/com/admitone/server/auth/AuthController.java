package com.admitone.server.auth;

import com.admitone.model.auth.Role;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.server.http.AccessControl;
import com.admitone.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Map;

/** Log-in, log-out, device enrolment and revocation, and staff accounts. */
public final class AuthController {
    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    public record LoginRequest(String username, String password) {
    }

    public record EnrolRequest(String name, String username, String password, String publicKey) {
    }

    public record DeviceKeyRequest(String publicKey) {
    }

    public record DeviceKeyAnswer(DeviceCertificate certificate) {
    }

    public record CreateUserRequest(String username, String displayName, String role, String password) {
    }

    public void login(Context ctx) {
        LoginRequest body = ctx.bodyAsClass(LoginRequest.class);
        ctx.json(auth.login(ctx.header("X-Device-Id"), ctx.header("X-Device-Secret"), body.username(), body.password()));
    }

    public void logout(Context ctx) {
        auth.logout(AccessControl.bearer(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** Who the session belongs to, with the role in its wire form like everywhere else. */
    public record Me(String userId, String username, String displayName, String role, String deviceId) {
    }

    public void me(Context ctx) {
        Principal p = AccessControl.principal(ctx);
        ctx.json(new Me(p.userId(), p.username(), p.displayName(), p.role().wireName(), p.deviceId()));
    }

    public void enrol(Context ctx) {
        EnrolRequest body = ctx.bodyAsClass(EnrolRequest.class);
        ctx.status(HttpStatus.CREATED).json(auth.enrol(body.name(), body.username(), body.password(), body.publicKey()));
    }

    /** {@code POST /api/devices/key}: the device's own credentials in the headers, its new public key in the body. */
    public void certifyKey(Context ctx) {
        DeviceKeyRequest body = ctx.bodyAsClass(DeviceKeyRequest.class);
        ctx.json(new DeviceKeyAnswer(auth.certifyKey(ctx.header("X-Device-Id"), ctx.header("X-Device-Secret"),
                body == null ? null : body.publicKey())));
    }

    public void devices(Context ctx) {
        ctx.json(auth.devices());
    }

    public void revoke(Context ctx) {
        ctx.json(auth.revoke(AccessControl.principal(ctx), ctx.pathParam("deviceId")));
    }

    public void users(Context ctx) {
        ctx.json(auth.users());
    }

    public void createUser(Context ctx) {
        CreateUserRequest body = ctx.bodyAsClass(CreateUserRequest.class);
        Role role;
        try {
            role = body.role() == null ? null : Role.fromWire(body.role());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown role; use one of admin, manager, box_office, gate, coordinator.",
                    Map.of("roles", java.util.Arrays.stream(Role.values()).map(Role::wireName).toList()));
        }
        ctx.status(HttpStatus.CREATED).json(auth.createUser(AccessControl.principal(ctx), body.username(), body.displayName(),
                role, body.password()));
    }
}

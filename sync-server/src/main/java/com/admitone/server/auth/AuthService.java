package com.admitone.server.auth;

import com.admitone.model.auth.Role;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.http.ApiException;
import com.admitone.server.keys.DeviceKeys;
import com.admitone.server.storage.Database;
import com.admitone.server.sync.Writer;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff log-in, device enrolment and the check of every request's bearer token.
 * Repeated failed log-ins first slow a user down, then lock the account for a while.
 */
public final class AuthService {
    static final int FREE_FAILURES = 5;
    static final int LOCK_AFTER_FAILURES = 10;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);
    static final Duration SESSION_LENGTH = Duration.ofHours(12);
    /**
     * How long a checked session is trusted without reading it again. This node forgets a session
     * at once when it ends or its device is revoked; other nodes sharing the database notice
     * within this time.
     */
    static final Duration SESSION_CHECK_CACHE = Duration.ofSeconds(2);

    private final Database database;
    private final Writer writer;
    private final PasswordHasher hasher = new PasswordHasher();
    private final String dummyHash;
    private final Map<String, CheckedSession> checked = new ConcurrentHashMap<>();

    private record CheckedSession(Principal principal, long validUntilNanos) {
    }

    private final DeviceKeys deviceKeys;

    public AuthService(Database database, Writer writer) {
        this(database, writer, null);
    }

    /** With {@code deviceKeys}, enrolment certifies a device's ticket key too (docs/offline.md). */
    public AuthService(Database database, Writer writer, DeviceKeys deviceKeys) {
        this.database = database;
        this.writer = writer;
        this.deviceKeys = deviceKeys;
        this.dummyHash = hasher.hash("not a password of anybody");
    }

    public LoginResult login(String deviceId, String deviceSecret, String username, String password) {
        Device device = requireDevice(deviceId, deviceSecret);
        StaffUser user = checkPassword(username, password);
        Principal principal = new Principal(user.id, user.username, user.displayName, user.role, device.id);
        String token = Secrets.newSecret();
        Instant expires = writer.write(principal, ctx -> {
            Session session = ctx.session();
            StaffUser fresh = session.find(StaffUser.class, user.id);
            fresh.failedLogins = 0;
            fresh.lastFailed = null;
            fresh.lockedUntil = null;
            Instant until = ctx.now().plus(SESSION_LENGTH);
            session.persist(new StaffSession(Secrets.sha256(token), user.id, device.id, ctx.now(), until));
            session.find(Device.class, device.id).seen(ctx.now(), null);
            ctx.audit("login", "staff_user", user.id, Map.of("device", device.name));
            return until;
        }).value();
        return new LoginResult(token, expires, user.id, user.username, user.displayName, user.role.wireName(), device.id);
    }

    /** A member of staff who confirmed who they are at somebody else's counter (a manager approving a refund). */
    public record Confirmed(String userId, String username, Role role) {
    }

    /**
     * Checks the username and password a member of staff types at another's counter, throttled and
     * locked like a log-in; opens no session.
     */
    public Confirmed confirm(String username, String password) {
        StaffUser user = checkPassword(username, password);
        return new Confirmed(user.id, user.username, user.role);
    }

    /** Checks a user's password outside any write lock (Argon2 is slow by design), then records the outcome. */
    private StaffUser checkPassword(String username, String password) {
        if (username == null || password == null || username.isBlank() || username.length() > 64 || password.length() > 256) {
            throw new ApiException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.");
        }
        Instant now = writer.clock().instant();
        StaffUser user = database.read(s -> findUser(s, username));
        if (user == null || !user.active) {
            hasher.matches(password, dummyHash);
            throw new ApiException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.");
        }
        if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed log-ins. The account is locked until "
                    + user.lockedUntil + ".", Map.of("lockedUntil", user.lockedUntil.toString()));
        }
        Instant nextAllowed = nextAllowedAttempt(user);
        if (nextAllowed != null && now.isBefore(nextAllowed)) {
            long seconds = Math.max(1, Duration.between(now, nextAllowed).toSeconds() + 1);
            throw new ApiException(ErrorCode.LOGIN_THROTTLED, "Too many failed log-ins. Try again in " + seconds + " s.",
                    Map.of("retryAfterSeconds", seconds));
        }
        if (hasher.matches(password, user.passwordHash)) {
            return user;
        }
        recordFailure(user.id);
        throw new ApiException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.");
    }

    /** After {@value #FREE_FAILURES} failures each further try waits 1, 2, 4, ... seconds after the last. */
    static Instant nextAllowedAttempt(StaffUser user) {
        if (user.failedLogins < FREE_FAILURES || user.lastFailed == null) {
            return null;
        }
        long delay = 1L << Math.min(10, user.failedLogins - FREE_FAILURES);
        return user.lastFailed.plusSeconds(delay);
    }

    private void recordFailure(String userId) {
        writer.write(Principal.SYSTEM, ctx -> {
            StaffUser user = ctx.session().find(StaffUser.class, userId);
            user.failedLogins++;
            user.lastFailed = ctx.now();
            if (user.failedLogins >= LOCK_AFTER_FAILURES) {
                user.lockedUntil = ctx.now().plus(LOCK_TIME);
                user.failedLogins = 0;
                ctx.audit("account_locked", "staff_user", userId, null);
            } else {
                ctx.audit("login_failed", "staff_user", userId, Map.of("failures", user.failedLogins));
            }
            return null;
        });
    }

    public void logout(String bearerToken) {
        String hash = Secrets.sha256(bearerToken);
        checked.remove(hash);
        writer.write(Principal.SYSTEM, ctx -> {
            StaffSession session = ctx.session().find(StaffSession.class, hash);
            if (session != null) {
                session.ended = true;
            }
            return null;
        });
    }

    /** The principal behind a bearer token, or a 401/403 problem. */
    public Principal authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 100) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Log in first: no valid bearer token was sent.");
        }
        String hash = Secrets.sha256(bearerToken);
        CheckedSession cached = checked.get(hash);
        if (cached != null && System.nanoTime() - cached.validUntilNanos() < 0) {
            return cached.principal();
        }
        Instant now = writer.clock().instant();
        Object[] row = database.read(s -> s.createSelectionQuery(
                        "select ss, u, d from StaffSession ss, StaffUser u, Device d "
                                + "where ss.tokenHash = :hash and u.id = ss.userId and d.id = ss.deviceId", Object[].class)
                .setParameter("hash", hash)
                .getResultStream().findFirst().orElse(null));
        if (row == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The session is unknown; log in again.");
        }
        StaffSession session = (StaffSession) row[0];
        StaffUser user = (StaffUser) row[1];
        Device device = (Device) row[2];
        if (Device.REVOKED.equals(device.status)) {
            throw new ApiException(ErrorCode.DEVICE_REVOKED, "This device was revoked; ask a manager to enrol it again.");
        }
        if (session.ended || now.isAfter(session.expires) || !user.active) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The session has ended; log in again.");
        }
        Principal principal = new Principal(user.id, user.username, user.displayName, user.role, device.id);
        if (checked.size() > 10_000) {
            checked.clear();
        }
        Instant until = session.expires.isBefore(now.plus(SESSION_CHECK_CACHE)) ? session.expires : now.plus(SESSION_CHECK_CACHE);
        checked.put(hash, new CheckedSession(principal, System.nanoTime() + Duration.between(now, until).toNanos()));
        return principal;
    }

    /** Enrols a device; the credentials must be a manager's or an admin's. */
    public Enrolment enrol(String name, String username, String password) {
        return enrol(name, username, password, null);
    }

    /**
     * Enrols a device and, when it sends its Ed25519 public key, certifies that key in the same
     * transaction: a bad key enrols nothing.
     */
    public Enrolment enrol(String name, String username, String password, String publicKeyBase64) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A device needs a name of 1 to 120 characters.");
        }
        VerifyingKey key = publicKeyBase64 == null ? null : DeviceKeys.parse(publicKeyBase64);
        if (key != null && deviceKeys == null) {
            throw new IllegalStateException("device keys are not wired");
        }
        StaffUser user = checkPassword(username, password);
        if (user.role != Role.ADMIN && user.role != Role.MANAGER) {
            throw new ApiException(ErrorCode.FORBIDDEN_ROLE, "Only a manager or an admin can enrol a device.");
        }
        String secret = Secrets.newSecret();
        String deviceId = UUID.randomUUID().toString();
        Principal principal = new Principal(user.id, user.username, user.displayName, user.role, deviceId);
        DeviceCertificate certificate = writer.write(principal, ctx -> {
            Device device = new Device(deviceId, name.strip(), Secrets.sha256(secret), user.id, ctx.now());
            ctx.session().persist(device);
            ctx.audit("device_enrolled", ChangeEntity.DEVICE, deviceId, Map.of("name", device.name));
            ctx.changed(ChangeEntity.DEVICE, deviceId, Map.of("id", deviceId, "name", device.name, "status", device.status));
            if (key == null) {
                return null;
            }
            ctx.session().flush();
            return deviceKeys.certify(ctx, deviceId, key);
        }).value();
        return new Enrolment(deviceId, secret, name.strip(), certificate);
    }

    /**
     * Certifies a new ticket key for an enrolled device that proves itself with its own credentials
     * (devices enrolled before keys existed, or re-keying before the certificate runs out).
     */
    public DeviceCertificate certifyKey(String deviceId, String deviceSecret, String publicKeyBase64) {
        // The body first, like enrolment: a broken request is refused before any credential is looked at.
        if (publicKeyBase64 == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "publicKey is required.");
        }
        VerifyingKey key = DeviceKeys.parse(publicKeyBase64);
        Device device = requireDevice(deviceId, deviceSecret);
        // No member of staff is involved: the device itself asks, and the audit trail says so.
        Principal principal = new Principal("device", "device", device.name, Role.BOX_OFFICE, device.id);
        return writer.write(principal, ctx -> {
            Device fresh = ctx.session().find(Device.class, device.id);
            if (Device.REVOKED.equals(fresh.status)) {
                throw new ApiException(ErrorCode.DEVICE_REVOKED, "This device was revoked; ask a manager to enrol it again.");
            }
            return deviceKeys.certify(ctx, device.id, key);
        }).value();
    }

    public DeviceView revoke(Principal by, String deviceId) {
        DeviceView view = writer.write(by, ctx -> {
            Device device = ctx.session().find(Device.class, deviceId);
            if (device == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No device " + deviceId + ".");
            }
            checked.values().removeIf(c -> c.principal().deviceId().equals(deviceId));
            if (!Device.REVOKED.equals(device.status)) {
                device.status = Device.REVOKED;
                device.revoked = ctx.now();
                ctx.audit("device_revoked", ChangeEntity.DEVICE, deviceId, Map.of("name", device.name));
                ctx.changed(ChangeEntity.DEVICE, deviceId, Map.of("id", deviceId, "name", device.name, "status", device.status));
                // Gates stop trusting what the device signs as soon as they pull this.
                DeviceKeys.revokeAll(ctx, deviceId);
            }
            return device.view();
        }).value();
        // Again after the commit: a request checked in between must not keep the old answer.
        checked.values().removeIf(c -> c.principal().deviceId().equals(deviceId));
        return view;
    }

    public List<DeviceView> devices() {
        return database.read(s -> s.createSelectionQuery("from Device order by enrolled", Device.class)
                .getResultList().stream().map(Device::view).toList());
    }

    public List<UserView> users() {
        return database.read(s -> s.createSelectionQuery("from StaffUser order by username", StaffUser.class)
                .getResultList().stream().map(StaffUser::view).toList());
    }

    public UserView createUser(Principal by, String username, String displayName, Role role, String password) {
        if (username == null || !username.matches("[a-z0-9._-]{2,64}")) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A username has 2 to 64 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (password == null || password.length() < 8 || password.length() > 256) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A password has 8 to 256 characters.");
        }
        if (role == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A user needs a role.");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (name.length() > 120) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A display name has at most 120 characters.");
        }
        String hash = hasher.hash(password);
        return writer.write(by, ctx -> {
            if (findUser(ctx.session(), username) != null) {
                throw new ApiException(ErrorCode.USER_EXISTS, "There is a user called " + username + " already.");
            }
            StaffUser user = new StaffUser(UUID.randomUUID().toString(), username, name, role, hash, ctx.now());
            ctx.session().persist(user);
            ctx.audit("user_created", "staff_user", user.id, Map.of("username", username, "role", role.wireName()));
            return user.view();
        }).value();
    }

    public boolean hasUsers() {
        return database.read(s -> s.createSelectionQuery("select count(*) from StaffUser", Long.class).getSingleResult() > 0);
    }

    /**
     * Records a device's clock skew (device minus server), seen on a command batch. A large skew
     * goes into the audit trail when it first appears or has changed by more than the threshold
     * since it was last recorded, so a device that stays off is not reported on every batch.
     */
    public void deviceSeen(String deviceId, Long skewMillis) {
        writer.write(Principal.SYSTEM, ctx -> {
            Device device = ctx.session().find(Device.class, deviceId);
            if (device != null) {
                Long before = device.lastSkewMillis;
                device.seen(ctx.now(), skewMillis);
                if (skewMillis != null && CommandBatch.isLargeSkew(skewMillis)
                        && (before == null || !CommandBatch.isLargeSkew(before) || CommandBatch.isLargeSkew(skewMillis - before))) {
                    ctx.audit("clock_skew", "device", deviceId, Map.of("skewMs", skewMillis, "deviceName", device.name));
                }
            }
            return null;
        });
    }

    private Device requireDevice(String deviceId, String deviceSecret) {
        if (deviceId == null || deviceSecret == null || deviceId.length() > 36 || deviceSecret.length() > 100) {
            throw new ApiException(ErrorCode.DEVICE_UNKNOWN, "This device is not enrolled: send X-Device-Id and X-Device-Secret.");
        }
        Device device = database.read(s -> s.find(Device.class, deviceId));
        if (device == null || !java.security.MessageDigest.isEqual(
                device.secretHash.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Secrets.sha256(deviceSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.DEVICE_UNKNOWN, "This device is not enrolled, or its secret is wrong.");
        }
        if (Device.REVOKED.equals(device.status)) {
            throw new ApiException(ErrorCode.DEVICE_REVOKED, "This device was revoked; ask a manager to enrol it again.");
        }
        return device;
    }

    private static StaffUser findUser(Session session, String username) {
        return session.createSelectionQuery("from StaffUser where username = :u", StaffUser.class)
                .setParameter("u", username)
                .getResultStream().findFirst().orElse(null);
    }
}

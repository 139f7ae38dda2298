package com.admitone.client.auth;

import com.admitone.client.store.KnownUser;
import com.admitone.client.store.LocalStore;
import com.admitone.client.sync.ProblemException;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.sync.ServerException;
import com.admitone.client.sync.SessionRenewal;
import com.admitone.model.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff log-in on this device. Online, the server checks the password and the device stores an
 * Argon2id hash of it, so the same person can log in while the server is out of reach. Offline,
 * the stored hash is checked, and the password is kept in memory only until the server is back and
 * has given the session a token. A PIN, set after a password log-in, switches cashier at a shared
 * till; five wrong PINs drop it and the password is needed again.
 */
public final class StaffLogin implements SessionRenewal {
    private static final Logger log = LoggerFactory.getLogger(StaffLogin.class);
    static final int PIN_TRIES = 5;

    private final LocalStore store;
    private final ServerApi api;
    private final PasswordHashes hashes;
    private final Clock clock;
    /** Bearer tokens of the staff who logged in online during this run, so a PIN switch can use theirs. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile PendingLogin pending;

    private record PendingLogin(String userId, String username, String password) {
    }

    public StaffLogin(LocalStore store, ServerApi api, PasswordHashes hashes, Clock clock) {
        this.store = store;
        this.api = api;
        this.hashes = hashes;
        this.clock = clock;
    }

    /**
     * Logs a member of staff in: against the server when it answers, else against this device's
     * stored hash. A refusal by the server (wrong password, locked account) is final and is not
     * retried offline.
     */
    public Cashier login(String username, String password) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            throw new LoginRefusedException("login.error.missing", "Enter a username and a password.");
        }
        try {
            ServerApi.Login login = api.login(name, password);
            remember(login, password);
            api.useToken(login.token());
            tokens.put(login.userId(), login.token());
            pending = null;
            return new Cashier(login.userId(), login.username(), login.displayName(), Role.fromWire(login.role()), true);
        } catch (ProblemException refused) {
            throw refused;
        } catch (ServerException unreachable) {
            log.info("server unreachable, checking {} offline", name);
            return offlineLogin(name, password);
        }
    }

    private void remember(ServerApi.Login login, String password) {
        String hash = hashes.hash(password);
        Role role = Role.fromWire(login.role());
        store.write(s -> {
            KnownUser user = s.find(KnownUser.class, login.userId());
            if (user == null) {
                // A username freed by a deleted account must not keep the old account's hash.
                s.createMutationQuery("delete from KnownUser where username = :u").setParameter("u", login.username()).executeUpdate();
                s.persist(new KnownUser(login.userId(), login.username(), login.displayName(), role, hash, clock.instant()));
            } else {
                user.loggedIn(login.username(), login.displayName(), role, hash, clock.instant());
            }
            return null;
        });
    }

    private Cashier offlineLogin(String username, String password) {
        KnownUser user = store.read(s -> s.createSelectionQuery("from KnownUser where username = :u", KnownUser.class)
                .setParameter("u", username).getSingleResultOrNull());
        if (user == null) {
            hashes.verify(password, DUMMY);
            throw new LoginRefusedException("login.error.offlineUnknown",
                    "The server cannot be reached, and " + username + " has not logged in on this device before.");
        }
        if (!hashes.verify(password, user.passwordHash())) {
            throw new LoginRefusedException("login.error.offlineWrong", "Wrong username or password.");
        }
        store.write(s -> {
            s.find(KnownUser.class, user.userId()).offlineLogin(clock.instant());
            return null;
        });
        pending = new PendingLogin(user.userId(), username, password);
        if (tokens.containsKey(user.userId())) {
            api.useToken(tokens.get(user.userId()));
        } else {
            api.useToken(null);
        }
        return new Cashier(user.userId(), user.username(), user.displayName(), user.role(), false);
    }

    /** Called by the sync engine when it has no session: logs the offline cashier in with the server now. */
    @Override
    public boolean renew(ServerApi target) {
        PendingLogin wanted = pending;
        if (wanted == null) {
            return false;
        }
        try {
            ServerApi.Login login = target.login(wanted.username(), wanted.password());
            remember(login, wanted.password());
            target.useToken(login.token());
            tokens.put(login.userId(), login.token());
            pending = null;
            return true;
        } catch (ProblemException refused) {
            // The password changed on the server meanwhile: stop trying; the next log-in asks again.
            log.warn("deferred log-in of {} refused: {}", wanted.username(), refused.code());
            pending = null;
            return false;
        }
    }

    public void setPin(String userId, String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new LoginRefusedException("pin.error.format", "A PIN has 4 to 8 digits.");
        }
        String hash = hashes.hash(pin);
        store.write(s -> {
            KnownUser user = s.find(KnownUser.class, userId);
            if (user == null) {
                throw new LoginRefusedException("pin.error.unknown", "Log in with your password first.");
            }
            user.pinSet(hash);
            return null;
        });
    }

    public boolean hasPin(String userId) {
        return store.read(s -> {
            KnownUser user = s.find(KnownUser.class, userId);
            return user != null && user.pinHash() != null;
        });
    }

    /** Staff who can take over this till with a PIN, most recent first. */
    public List<KnownUser> pinUsers() {
        return store.read(s -> s.createSelectionQuery("from KnownUser where pinHash is not null order by lastLogin desc",
                KnownUser.class).getResultList());
    }

    /** Switches the till to another cashier who set a PIN here. */
    public Cashier switchWithPin(String username, String pin) {
        KnownUser user = store.read(s -> s.createSelectionQuery("from KnownUser where username = :u", KnownUser.class)
                .setParameter("u", username).getSingleResultOrNull());
        if (user == null || user.pinHash() == null) {
            throw new LoginRefusedException("pin.error.none", "There is no PIN for " + username + " on this device; log in with the password.");
        }
        boolean ok = hashes.verify(pin == null ? "" : pin, user.pinHash());
        store.write(s -> {
            KnownUser fresh = s.find(KnownUser.class, user.userId());
            if (ok) {
                fresh.pinAccepted();
            } else {
                fresh.pinFailed(PIN_TRIES);
            }
            return null;
        });
        if (!ok) {
            throw new LoginRefusedException("pin.error.wrong", "Wrong PIN.");
        }
        String token = tokens.get(user.userId());
        if (token != null) {
            api.useToken(token);
        }
        return new Cashier(user.userId(), user.username(), user.displayName(), user.role(), token != null);
    }

    /** Ends the session of a cashier with the server (best effort) and forgets it here. */
    public void logout(Cashier cashier) {
        String token = tokens.remove(cashier.userId());
        if (token != null && token.equals(api.token())) {
            try {
                api.logout();
            } catch (ServerException e) {
                log.info("log-out not confirmed by the server: {}", e.getMessage());
            }
            api.useToken(null);
        }
        PendingLogin wanted = pending;
        if (wanted != null && wanted.userId().equals(cashier.userId())) {
            pending = null;
        }
    }

    private static final String DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
}

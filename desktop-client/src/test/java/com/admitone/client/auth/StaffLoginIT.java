package com.admitone.client.auth;

import com.admitone.client.store.KnownUser;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.sync.ProblemException;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.model.auth.Role;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff log-in against a real server, then offline against the stored hash, and the cashier PIN. */
class StaffLoginIT {
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Backend.SQLITE, 1);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void onlineThenOfflineLoginAndPinSwitch(@TempDir Path dir) {
        try (ClientUnderTest till = new ClientUnderTest(dir, server.baseUrl(), "Till 1", "boxoffice", "boxoffice-demo")) {
            assertThat(till.cashier.verifiedOnline()).isTrue();
            assertThat(till.cashier.role()).isEqualTo(Role.BOX_OFFICE);
            assertThat(till.api.hasToken()).isTrue();
            List<KnownUser> known = till.store.read(s -> s.createSelectionQuery("from KnownUser", KnownUser.class).getResultList());
            assertThat(known).singleElement().satisfies(u -> {
                assertThat(u.username()).isEqualTo("boxoffice");
                assertThat(u.passwordHash()).startsWith("$argon2id$").doesNotContain("boxoffice-demo");
            });
            assertThatThrownBy(() -> till.login.login("boxoffice", "wrong"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("BAD_CREDENTIALS"));

            // The same device with the server out of reach (nothing listens on port 9).
            ServerApi dead = new ServerApi("http://127.0.0.1:9", ApiTimeouts.DEFAULT);
            try {
                StaffLogin offline = new StaffLogin(till.store, dead, new PasswordHashes(), Clock.systemUTC());
                Cashier cashier = offline.login("boxoffice", "boxoffice-demo");
                assertThat(cashier.verifiedOnline()).isFalse();
                assertThat(cashier.displayName()).isEqualTo("Ben Boxoffice");
                assertThatThrownBy(() -> offline.login("boxoffice", "wrong"))
                        .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("login.error.offlineWrong"));
                assertThatThrownBy(() -> offline.login("gate", "gate-demo"))
                        .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("login.error.offlineUnknown"));

                // Once the server is back, the offline log-in is completed for the sync engine.
                assertThat(offline.renew(till.api)).isTrue();
                assertThat(offline.renew(till.api)).as("only once").isFalse();

                // PIN: set, switch, and dropped after five wrong tries.
                assertThatThrownBy(() -> offline.setPin(cashier.userId(), "12a4")).isInstanceOf(LoginRefusedException.class);
                offline.setPin(cashier.userId(), "2468");
                assertThat(offline.pinUsers()).extracting(KnownUser::username).containsExactly("boxoffice");
                assertThat(offline.switchWithPin("boxoffice", "2468").userId()).isEqualTo(cashier.userId());
                for (int i = 0; i < StaffLogin.PIN_TRIES; i++) {
                    assertThatThrownBy(() -> offline.switchWithPin("boxoffice", "0000")).isInstanceOf(LoginRefusedException.class);
                }
                assertThat(offline.hasPin(cashier.userId())).isFalse();
                assertThatThrownBy(() -> offline.switchWithPin("boxoffice", "2468"))
                        .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("pin.error.none"));
            } finally {
                dead.shutdown();
            }
        }
    }
}

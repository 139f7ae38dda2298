package com.admitone.client.ui.login;

import com.admitone.client.ClientServices;
import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.Navigator;
import com.admitone.client.ui.common.Tasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First start: the server's address, this computer's name and a manager's credentials, then enrolment. */
public final class EnrolViewModel {
    private final ClientServices services;
    private final Navigator navigator;
    private final Failures failures;

    private final StringProperty serverAddress = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final StringProperty managerUsername = new SimpleStringProperty("");
    private final StringProperty managerPassword = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canEnrol;

    public EnrolViewModel(ClientServices services, Navigator navigator, Failures failures) {
        this.services = services;
        this.navigator = navigator;
        this.failures = failures;
        if (services.serverOverride() != null) {
            serverAddress.set(services.serverOverride());
        }
        deviceName.set(defaultDeviceName());
        canEnrol = Bindings.createBooleanBinding(() -> !busy.get() && !serverAddress.get().isBlank()
                        && !deviceName.get().isBlank() && !managerUsername.get().isBlank() && !managerPassword.get().isEmpty(),
                busy, serverAddress, deviceName, managerUsername, managerPassword);
    }

    private static String defaultDeviceName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    public void enrol() {
        if (!canEnrol.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        String address = serverAddress.get();
        String name = deviceName.get();
        String user = managerUsername.get();
        String password = managerPassword.get();
        Tasks.create(() -> {
                    DeviceCredentials credentials = services.enrolment().enrol(address, name, user, password);
                    services.connect(credentials);
                    return credentials;
                })
                .onSuccess(credentials -> {
                    managerPassword.set("");
                    navigator.showLogin();
                })
                .onError(e -> error.set(failures.sentence(e)))
                .andFinally(() -> busy.set(false))
                .runOn(services.background());
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public StringProperty managerUsernameProperty() {
        return managerUsername;
    }

    public StringProperty managerPasswordProperty() {
        return managerPassword;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canEnrolProperty() {
        return canEnrol;
    }
}

package com.admitone.client.ui.login;

import com.admitone.client.ClientServices;
import com.admitone.client.auth.Cashier;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.Navigator;
import com.admitone.client.ui.common.Tasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Staff log-in with username and password; online against the server, offline against the stored hash. */
public final class LoginViewModel {
    private final ClientServices services;
    private final Navigator navigator;
    private final Failures failures;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canLogin;

    public LoginViewModel(ClientServices services, Navigator navigator, Failures failures) {
        this.services = services;
        this.navigator = navigator;
        this.failures = failures;
        ClientServices.Connection connection = services.connection();
        if (connection != null) {
            deviceName.set(connection.credentials().deviceName());
        }
        canLogin = Bindings.createBooleanBinding(() -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(),
                busy, username, password);
    }

    public void login() {
        if (!canLogin.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        String user = username.get();
        String secret = password.get();
        ClientServices.Connection connection = services.connection();
        Tasks.create(() -> {
                    Cashier cashier = connection.login().login(user, secret);
                    connection.engine().sessionChanged();
                    return cashier;
                })
                .onSuccess(cashier -> {
                    password.set("");
                    navigator.showShell(cashier);
                })
                .onError(e -> {
                    password.set("");
                    error.set(failures.sentence(e));
                })
                .andFinally(() -> busy.set(false))
                .runOn(services.background());
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canLoginProperty() {
        return canLogin;
    }
}

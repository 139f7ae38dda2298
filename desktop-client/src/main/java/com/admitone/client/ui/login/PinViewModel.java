package com.admitone.client.ui.login;

import com.admitone.client.ClientServices;
import com.admitone.client.auth.Cashier;
import com.admitone.client.store.KnownUser;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.Navigator;
import com.admitone.client.ui.common.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Setting one's own PIN after a password log-in, and switching cashier with a PIN at a shared till. */
public final class PinViewModel {
    private final ClientServices services;
    private final Navigator navigator;
    private final Failures failures;

    private final ObjectProperty<Cashier> cashier = new SimpleObjectProperty<>();
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<String> pinUsers = FXCollections.observableArrayList();
    private final StringProperty chosenUser = new SimpleStringProperty();

    public PinViewModel(ClientServices services, Navigator navigator, Failures failures) {
        this.services = services;
        this.navigator = navigator;
        this.failures = failures;
    }

    /** For the set-PIN view: whose PIN is set. */
    public void forCashier(Cashier who) {
        cashier.set(who);
    }

    public void loadPinUsers() {
        Tasks.create(() -> services.connection().login().pinUsers().stream().map(KnownUser::username).toList())
                .onSuccess(names -> {
                    pinUsers.setAll(names);
                    if (!names.isEmpty() && chosenUser.get() == null) {
                        chosenUser.set(names.get(0));
                    }
                })
                .onError(e -> error.set(failures.sentence(e)))
                .runOn(services.background());
    }

    public void savePin() {
        Cashier who = cashier.get();
        String value = pin.get();
        busy.set(true);
        error.set("");
        Tasks.create(() -> services.connection().login().setPin(who.userId(), value))
                .onSuccess(done -> {
                    pin.set("");
                    navigator.showShell(who);
                })
                .onError(e -> error.set(failures.sentence(e)))
                .andFinally(() -> busy.set(false))
                .runOn(services.background());
    }

    public void skip() {
        navigator.showShell(cashier.get());
    }

    public void switchCashier() {
        String user = chosenUser.get();
        String value = pin.get();
        if (user == null) {
            return;
        }
        busy.set(true);
        error.set("");
        Tasks.create(() -> services.connection().login().switchWithPin(user, value))
                .onSuccess(next -> {
                    pin.set("");
                    services.connection().engine().sessionChanged();
                    navigator.showShell(next);
                })
                .onError(e -> {
                    pin.set("");
                    error.set(failures.sentence(e));
                })
                .andFinally(() -> busy.set(false))
                .runOn(services.background());
    }

    public void usePassword() {
        navigator.showLogin();
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> pinUsers() {
        return pinUsers;
    }

    public StringProperty chosenUserProperty() {
        return chosenUser;
    }

    public ObjectProperty<Cashier> cashierProperty() {
        return cashier;
    }
}

package com.admitone.client.ui.common;

/** Every FXML view of the client, so a view is named once and found in one place. */
public enum FxmlFile {
    ENROL("/com/admitone/client/ui/login/enrol.fxml"),
    LOGIN("/com/admitone/client/ui/login/login.fxml"),
    SET_PIN("/com/admitone/client/ui/login/set_pin.fxml"),
    SWITCH_CASHIER("/com/admitone/client/ui/login/switch_cashier.fxml"),
    SHELL("/com/admitone/client/ui/shell/shell.fxml"),
    PLACEHOLDER("/com/admitone/client/ui/shell/placeholder.fxml"),
    SETTINGS("/com/admitone/client/ui/shell/settings.fxml"),
    BOX_OFFICE("/com/admitone/client/ui/boxoffice/boxoffice.fxml"),
    SYNC("/com/admitone/client/ui/sync/sync.fxml"),
    GATE("/com/admitone/client/ui/gate/gate.fxml");

    private final String resource;

    FxmlFile(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}

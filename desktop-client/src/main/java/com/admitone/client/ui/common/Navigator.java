package com.admitone.client.ui.common;

import com.admitone.client.auth.Cashier;

/** Moves the main window between the workflows: first start, log-in, and the shell. */
public interface Navigator {
    void showEnrol();

    void showLogin();

    void showShell(Cashier cashier);

    void showSwitchCashier();

    void showSetPin(Cashier cashier);
}

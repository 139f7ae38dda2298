package com.admitone.client.ui.shell;

import com.admitone.client.ui.common.FxmlFile;
import com.admitone.model.auth.Role;

import java.util.EnumSet;
import java.util.Set;

/** The shell's sections, each with the roles that see it and the view it shows. */
public enum Section {
    BOX_OFFICE("shell.nav.boxOffice", null, FxmlFile.BOX_OFFICE, "mdoal-confirmation_number",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.BOX_OFFICE)),
    GATE("shell.nav.gate", null, FxmlFile.GATE, "mdomz-qr_code_scanner",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.GATE)),
    SCHOOL_TRIPS("shell.nav.schoolTrips", "shell.placeholder.schoolTrips", FxmlFile.PLACEHOLDER, "mdoal-directions_bus",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.COORDINATOR, Role.BOX_OFFICE)),
    REPORTS("shell.nav.reports", "shell.placeholder.reports", FxmlFile.PLACEHOLDER, "mdoal-bar_chart",
            EnumSet.of(Role.ADMIN, Role.MANAGER)),
    SYNC("shell.nav.sync", null, FxmlFile.SYNC, "mdomz-sync", EnumSet.allOf(Role.class)),
    SETTINGS("shell.nav.settings", "shell.placeholder.settings", FxmlFile.SETTINGS, "mdomz-settings", EnumSet.allOf(Role.class));

    private final String titleKey;
    private final String placeholderKey;
    private final FxmlFile view;
    private final String icon;
    private final Set<Role> roles;

    Section(String titleKey, String placeholderKey, FxmlFile view, String icon, Set<Role> roles) {
        this.titleKey = titleKey;
        this.placeholderKey = placeholderKey;
        this.view = view;
        this.icon = icon;
        this.roles = roles;
    }

    public String titleKey() {
        return titleKey;
    }

    /** The sentence a section without content yet shows. */
    public String placeholderKey() {
        return placeholderKey;
    }

    public FxmlFile view() {
        return view;
    }

    /** An Ikonli Material 2 (outlined) icon literal. */
    public String icon() {
        return icon;
    }

    public boolean visibleTo(Role role) {
        return roles.contains(role);
    }
}

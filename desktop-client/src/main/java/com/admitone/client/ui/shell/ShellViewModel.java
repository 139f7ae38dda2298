package com.admitone.client.ui.shell;

import com.admitone.client.auth.Cashier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;

/** The shell's state: who is at the till, which sections their role sees, and which one is open. */
public final class ShellViewModel {
    private final ReadOnlyObjectWrapper<Cashier> cashier = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObjectProperty<Section> selected = new SimpleObjectProperty<>();

    public ShellViewModel(Cashier who) {
        cashier.set(who);
        sections.setAll(Arrays.stream(Section.values()).filter(s -> s.visibleTo(who.role())).toList());
        selected.set(sections.get(0));
    }

    public ReadOnlyObjectProperty<Cashier> cashierProperty() {
        return cashier.getReadOnlyProperty();
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    public ObjectProperty<Section> selectedProperty() {
        return selected;
    }

    /** Opens the n-th visible section (keyboard: Ctrl+1 ... Ctrl+6); false if there is none. */
    public boolean select(int index) {
        if (index < 0 || index >= sections.size()) {
            return false;
        }
        selected.set(sections.get(index));
        return true;
    }
}

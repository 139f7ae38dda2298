package com.admitone.client.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads an {@link FxmlFile} with the strings bundle and the controller factory. */
public final class ViewLoader {
    private final Strings strings;
    private final ControllerFactory controllers;

    public ViewLoader(Strings strings, ControllerFactory controllers) {
        this.strings = strings;
        this.controllers = controllers;
    }

    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(FxmlFile file) {
        URL url = ViewLoader.class.getResource(file.resource());
        if (url == null) {
            throw new IllegalStateException("missing FXML " + file.resource());
        }
        FXMLLoader loader = new FXMLLoader(url, strings.bundle());
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file.resource(), e);
        }
    }

    public Strings strings() {
        return strings;
    }
}

package com.admitone.client.ui.common;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place controllers are made: FXMLLoader asks for a class and gets an instance built with
 * its collaborators passed to the constructor. No static singletons, so tests can wire their own.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> makers = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> maker) {
        makers.put(type, maker);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> maker = makers.get(type);
        if (maker == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; register it where the app is wired (AdmitOneApp)");
        }
        return maker.get();
    }
}

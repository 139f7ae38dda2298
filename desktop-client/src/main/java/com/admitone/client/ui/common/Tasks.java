package com.admitone.client.ui.common;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A small builder over {@link Task}: the work runs on the injected background executor, and the
 * success and error handlers run on the JavaFX thread, the only place that may touch the UI.
 *
 * <pre>{@code Tasks.create(() -> login.login(user, pass)).onSuccess(this::loggedIn).onError(this::show).runOn(executor);}</pre>
 */
public final class Tasks {
    private Tasks() {
    }

    public static <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(work);
    }

    public static Builder<Void> create(Runnable work) {
        return new Builder<>(() -> {
            work.run();
            return null;
        });
    }

    public static final class Builder<T> {
        private final Callable<T> work;
        private Consumer<T> onSuccess = value -> { };
        private Consumer<Throwable> onError = error -> { };
        private Runnable onFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = handler;
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.onFinally = handler;
            return this;
        }

        public Task<T> build() {
            Task<T> task = new Task<>() {
                @Override
                protected T call() throws Exception {
                    return work.call();
                }

                @Override
                protected void succeeded() {
                    try {
                        onSuccess.accept(getValue());
                    } finally {
                        onFinally.run();
                    }
                }

                @Override
                protected void failed() {
                    try {
                        onError.accept(getException());
                    } finally {
                        onFinally.run();
                    }
                }
            };
            return task;
        }

        public Task<T> runOn(Executor executor) {
            Task<T> task = build();
            try {
                executor.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                if (!(executor instanceof java.util.concurrent.ExecutorService service) || !service.isShutdown()) {
                    throw e;
                }
                // The app is closing: a late refresh (a last sync status) after the background threads stopped does nothing.
            }
            return task;
        }
    }
}

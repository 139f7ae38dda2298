package com.admitone.client.store;

import com.admitone.client.store.replica.ReplicaEntities;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The device's own database: one SQLite file in the data folder, migrated by Flyway, mapped by
 * Hibernate. It holds the replica of the server's data, the sync cursor, the outbox, the device's
 * credentials and the staff who may log in offline.
 *
 * <p>Every method blocks on disk, so every method refuses to run on the JavaFX application thread.
 * Writes are serialised in-process: SQLite has one writer at a time, and waiting on a Java lock is
 * cheaper and clearer than retrying on SQLITE_BUSY.
 */
public final class LocalStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
    public static final String FILE_NAME = "admitone-client.db";

    private final Path file;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final WalCheckpointer checkpointer;
    private final ReentrantLock writer = new ReentrantLock(true);
    /** Opened on the first {@link #writeQuickly}; used and closed under {@link #writer}. */
    private PreparedConnection prepared;
    private final List<Consumer<LocalStore>> writeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LocalStore(Path file, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.file = file;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.checkpointer = new WalCheckpointer(dataSource);
    }

    /** Opens (creating and migrating if needed) the store in {@code dataDir}. */
    public static LocalStore open(Path dataDir) {
        UiThreadGuard.assertNotUiThread("Opening the local store");
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        HikariDataSource dataSource = dataSource(file);
        try {
            migrate(dataSource);
            ownerOnly(dataDir, file);
            return new LocalStore(file, dataSource, sessionFactory(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The store holds this device's secret and its ticket-signing private key: where the file
     * system has POSIX permissions, only the owner may read the folder and the database files.
     */
    private static void ownerOnly(Path dataDir, Path file) {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path f = Path.of(file + suffix);
                if (Files.exists(f)) {
                    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot restrict the permissions of {}: {}", dataDir, e.getMessage());
        }
    }

    private static HikariDataSource dataSource(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setPoolName("admitone-client");
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        // WAL lets the UI read while the sync engine writes. FULL sync because a till's writes are
        // few and each may be a sale: it must survive a power cut, not just a process crash.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        // Checkpoints run on a background thread, never inside a commit (see WalCheckpointer).
        config.setConnectionInitSql(WalCheckpointer.CONNECTION_INIT);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot open the local database " + file + ": " + rootMessage(e), e);
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/client").load().migrate();
        } catch (FlywayException e) {
            throw new StorageException("The local database could not be brought up to date: " + rootMessage(e), e);
        }
    }

    private static SessionFactory sessionFactory(HikariDataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            List<Class<?>> entities = new ArrayList<>(List.of(SyncCursor.class, OutboxItem.class, DeviceCredentials.class,
                    KnownUser.class, OwnDeviceKey.class));
            entities.addAll(ReplicaEntities.ALL);
            entities.forEach(sources::addAnnotatedClass);
            sources.addAnnotatedClass(InstantMillisConverter.class);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new StorageException("The local database mapping is broken: " + rootMessage(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction: commits if it returns, rolls back if it throws. */
    public <T> T write(Function<Session, T> work) {
        return exclusively(true, () -> inTransaction(work));
    }

    /** Work on the store's {@link PreparedConnection}; may throw what JDBC throws. */
    @FunctionalInterface
    public interface QuickWork<T> {
        T apply(PreparedConnection connection) throws java.sql.SQLException;
    }

    /**
     * Runs {@code work} in one write transaction on plain SQL statements prepared once, on the
     * store's own connection. For the hottest small writes only, gate scans, where Hibernate's
     * per-statement preparing and flushing was most of the time; its SQL must follow the tables'
     * mapping by hand.
     *
     * <p>The commit survives a crash of the app but not necessarily a power cut: it reaches the WAL
     * without an fsync (SQLite's {@code synchronous=NORMAL}). The database stays consistent and the
     * outbox complete either way; a power cut may lose the last such transactions, until the next
     * ordinary write or the background checkpoint (about once a second, {@link WalCheckpointer})
     * syncs the WAL. The next scan's verdict cannot wait ~4-16 ms for the last one's fsync.
     */
    public <T> T writeQuickly(QuickWork<T> work) {
        return exclusively(true, () -> onPrepared(work, true));
    }

    /** As {@link #writeQuickly}, in a transaction that is rolled back: a look that must not count as a write. */
    public <T> T readQuickly(QuickWork<T> work) {
        return exclusively(false, () -> onPrepared(work, false));
    }

    private <T> T onPrepared(QuickWork<T> work, boolean commit) throws java.sql.SQLException {
        if (prepared == null) {
            prepared = PreparedConnection.open(file);
        }
        prepared.begin();
        T result;
        try {
            result = work.apply(prepared);
        } catch (java.sql.SQLException | RuntimeException | Error e) {
            try {
                prepared.rollback();
            } catch (java.sql.SQLException | RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        if (commit) {
            prepared.commit();
        } else {
            prepared.rollback();
        }
        return result;
    }

    /** Work that may throw what JDBC throws. */
    @FunctionalInterface
    private interface Exclusive<T> {
        T run() throws java.sql.SQLException;
    }

    /**
     * Runs {@code body} as the store's only writer, off the JavaFX thread; after a write (one that
     * returned) tells the checkpointer and, with the lock released, the write listeners.
     */
    private <T> T exclusively(boolean writes, Exclusive<T> body) {
        UiThreadGuard.assertNotUiThread(writes ? "A local store write" : "A local store read");
        T result;
        writer.lock();
        try {
            result = body.run();
            if (writes) {
                checkpointer.written();
            }
        } catch (java.sql.SQLException e) {
            throw new StorageException("The local database cannot be " + (writes ? "written" : "read") + ": " + rootMessage(e), e);
        } finally {
            writer.unlock();
        }
        if (writes) {
            writeListeners.forEach(listener -> listener.accept(this));
        }
        return result;
    }

    /** Runs {@code work} in a read-only transaction. */
    public <T> T read(Function<Session, T> work) {
        UiThreadGuard.assertNotUiThread("A local store read");
        try (Session session = sessionFactory.openSession()) {
            session.setDefaultReadOnly(true);
            Transaction tx = session.beginTransaction();
            try {
                return work.apply(session);
            } finally {
                tx.rollback();
            }
        }
    }

    /**
     * Copies the write-ahead log into the database file now (the background thread does it about
     * once a second); true when the whole log was copied. For tests and for a clean shutdown.
     */
    boolean checkpoint() {
        try {
            return checkpointer.checkpoint();
        } catch (java.sql.SQLException e) {
            throw new StorageException("The local database could not be checkpointed: " + rootMessage(e), e);
        }
    }

    /** Told after every committed write, on the writing thread: e.g. to wake the sync engine. */
    public void onWrite(Consumer<LocalStore> listener) {
        writeListeners.add(listener);
    }

    private <T> T inTransaction(Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
            return inTransaction(session, work);
        }
    }

    private static <T> T inTransaction(Session session, Function<Session, T> work) {
        Transaction tx = session.beginTransaction();
        try {
            T result = work.apply(session);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        }
    }

    // ---- small single-row things ---------------------------------------------------------------

    public SyncCursor cursor() {
        return read(s -> s.find(SyncCursor.class, SyncCursor.ID));
    }

    public DeviceCredentials credentials() {
        return read(s -> s.find(DeviceCredentials.class, DeviceCredentials.ID));
    }

    public void saveCredentials(DeviceCredentials credentials) {
        write(s -> {
            DeviceCredentials old = s.find(DeviceCredentials.class, DeviceCredentials.ID);
            if (old != null) {
                s.remove(old);
                s.flush();
            }
            s.persist(credentials);
            return null;
        });
    }

    /** This device's ticket-signing key, or null before enrolment made one. */
    public OwnDeviceKey deviceKey() {
        return read(s -> s.find(OwnDeviceKey.class, OwnDeviceKey.ID));
    }

    public void saveDeviceKey(OwnDeviceKey key) {
        write(s -> {
            OwnDeviceKey old = s.find(OwnDeviceKey.class, OwnDeviceKey.ID);
            if (old != null) {
                s.remove(old);
                s.flush();
            }
            s.persist(key);
            return null;
        });
    }

    /** A setting of this computer, or {@code fallback} when never set. */
    public String setting(String name, String fallback) {
        return read(s -> {
            Object value = s.createNativeQuery("select value from local_setting where name = :n", Object.class)
                    .setParameter("n", name).getResultList().stream().findFirst().orElse(null);
            return value == null ? fallback : value.toString();
        });
    }

    public void saveSetting(String name, String value) {
        write(s -> s.createNativeMutationQuery("insert into local_setting (name, value) values (:n, :v) "
                + "on conflict (name) do update set value = excluded.value").setParameter("n", name).setParameter("v", value)
                .executeUpdate());
    }

    @Override
    public void close() {
        try {
            checkpointer.close();
            closePrepared();
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
        log.debug("local store {} closed", file);
    }

    private void closePrepared() {
        writer.lock();
        try {
            if (prepared != null) {
                prepared.close();
                prepared = null;
            }
        } catch (java.sql.SQLException e) {
            log.warn("closing the local store's scan connection failed: {}", rootMessage(e));
        } finally {
            writer.unlock();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package com.admitone.server.storage;

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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The server's database: a connection pool, the Flyway-migrated schema and the Hibernate session
 * factory. Write transactions go through {@link #write}; on SQLite they are serialised in-process,
 * because SQLite has one writer at a time and waiting in Java is cheaper than retrying on
 * SQLITE_BUSY. On PostgreSQL they run concurrently and the row locks decide.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseKind kind;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    private final WalCheckpointer checkpointer;

    private Database(DatabaseKind kind, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.checkpointer = kind == DatabaseKind.SQLITE ? new WalCheckpointer(dataSource) : null;
    }

    public static Database open(DatabaseSettings settings, List<Class<?>> entities) {
        DatabaseKind kind = settings.kind();
        HikariDataSource dataSource = dataSource(settings, kind);
        try {
            migrate(dataSource);
            return new Database(kind, dataSource, sessionFactory(dataSource, kind, entities));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource dataSource(DatabaseSettings settings, DatabaseKind kind) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("admitone-" + kind.name().toLowerCase());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(true);
        if (kind == DatabaseKind.SQLITE) {
            config.setDataSource(new StatementCachingDataSource(sqlite(settings.jdbcUrl())));
            // Checkpoints run on WalCheckpointer's thread instead of inside a writer's commit.
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            // A flush's rows of one table (a group's change-feed entries, command-log entries,
            // tickets) go as one multi-row INSERT instead of one execution per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot open the database at " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    private static SQLiteDataSource sqlite(String jdbcUrl) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers run beside the one writer; NORMAL sync is crash-safe for the process
        // (the WAL is on disk in the OS cache) at a fraction of FULL's cost.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // Each pooled connection keeps its own page cache, and every one of them fills up over
        // a day of sales: 16 MB each took the server past 512 MB resident after some fifty
        // on-sales. SQLite's default of 2 MB sold as fast in the onsale benchmark (as did 4 and 8);
        // pages beyond it come from the OS's file cache.
        config.setCacheSize(-2_048);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }

    private static void migrate(HikariDataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("The database could not be brought up to date: " + rootMessage(e), e);
        }
    }

    private static SessionFactory sessionFactory(HikariDataSource dataSource, DatabaseKind kind, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, WriteTracking.wrap(dataSource))
                .applySetting(AvailableSettings.DIALECT, kind == DatabaseKind.SQLITE
                        ? "org.hibernate.community.dialect.SQLiteDialect"
                        : "org.hibernate.dialect.PostgreSQLDialect")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                // Each query's HQL is parsed once, not on every request.
                .applySetting(AvailableSettings.QUERY_PLAN_CACHE_ENABLED, true)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            sources.addAnnotatedClass(InstantMillisConverter.class);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new StorageException("The database mapping is broken: " + rootMessage(e), e);
        }
    }

    public DatabaseKind kind() {
        return kind;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one write transaction; commits if it returns, rolls back if it throws. */
    public <T> T write(Function<Session, T> work) {
        boolean serialise = kind == DatabaseKind.SQLITE;
        if (serialise) {
            sqliteWriter.lock();
        }
        try {
            return inTransaction(work);
        } finally {
            if (serialise) {
                sqliteWriter.unlock();
            }
        }
    }

    /** Runs {@code work} in a read-only transaction. */
    public <T> T read(Function<Session, T> work) {
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

    private <T> T inTransaction(Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
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
    }

    @Override
    public void close() {
        try {
            if (checkpointer != null) {
                checkpointer.close();
            }
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
        log.info("database closed");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package dev.tandem.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import dev.tandem.local.DocumentJournal.Operation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's in-memory backend, made durable by a {@link DocumentJournal}: every change to a document,
 * collection or index is written to the journal file before the command that made it answers, and the store is
 * rebuilt from the journal when it starts.
 *
 * <h2>Durability</h2>
 * Each record reaches the operating system (a {@code FileChannel} write) before the answer, so a crash of the
 * launcher loses no acknowledged change. The file is forced to the disk every 100 ms and on {@link #close()}, the
 * way MongoDB commits its journal every 100 ms by default ({@code storage.journal.commitIntervalMs}): a crash of
 * the whole machine or operating system can lose the changes of the last 100 ms. The store gives up on a journal
 * it could not write or force: from then on it refuses changes rather than acknowledge ones it could lose.
 *
 * <h2>Start and compaction</h2>
 * On start the journal is replayed (the last state of each document wins; a record cut short by a crash, and
 * anything after it, is ignored, and the damaged file kept beside the journal as {@code *.damaged}), and the
 * store's state is written to a new file, forced, and renamed over the journal, so the journal does not grow from
 * run to run. While running, once the journal is more than {@code compactAbove} bytes and more than
 * {@code ratio} times the size of the live documents (64 MB and 4 unless told otherwise), it is compacted online
 * in a background thread: a snapshot of the documents is written to a new file a few hundred kilobytes at a time,
 * each piece under its collection's lock only; the records written meanwhile are copied after it, the last of them
 * while writers wait for a moment; then the new file is renamed over the journal. A snapshot piece may be older
 * than a record after it, never newer, so replaying the snapshot and then those records gives each document its
 * last state.
 *
 * <p>Of a collection's options only the name of its id field is kept: mongo-java-server creates neither capped
 * collections nor ones without an index on {@code _id}. Of its indexes, the journal keeps every description
 * ({@code listIndexes} shows them after a restart); the backend enforces the unique ones, answers
 * {@code {field: {$exists: true}}} from a sparse index on that one field (a {@link PresenceIndex}), and, as before,
 * ignores the others.
 *
 * <p>On the first start in a data directory that still has the file of the H2 backend that the local stack used
 * before, that file's databases, collections, indexes and documents are copied in, and the file renamed to
 * {@code *.imported}.
 *
 * <h2>Memory</h2>
 * Stored documents share one instance of each field name ({@link FieldNames}) instead of keeping the copies each
 * write brings, which makes them about 40 % fewer objects (and a fifth less heap) for the collector to copy.
 *
 * <h2>Lookups by {@code _id}</h2>
 * A filter that pins {@code _id} to one plain value (at its top or in a top-level {@code $and}) reads that one
 * document, whatever other fields it has. The backend itself uses an index only when the filter has exactly the
 * index's fields, so the filter Spring Data sends for every save of a versioned document, {@code {_id, version}},
 * would scan the whole collection, holding the collection's lock meanwhile. Real MongoDB answers such a filter from
 * the {@code _id} index, as this one does.
 */
final class DurableMemoryBackend extends MemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(DurableMemoryBackend.class);

    static final long DEFAULT_COMPACT_ABOVE = 64L * 1024 * 1024;
    static final int DEFAULT_RATIO = 4;
    private static final long SYNC_INTERVAL_MS = 100;
    private static final long COMPACTION_CHECK_MS = 1000;
    private static final long COMPACTION_RETRY_MS = 60_000;
    private static final int SNAPSHOT_PIECE_BYTES = 256 * 1024;
    // length, checksum, operation and names: roughly what a record adds to its document
    private static final int RECORD_OVERHEAD = 64;
    private static final String ID = Constants.ID_FIELD;
    private static final int HEAP_PER_BSON_BYTE = 2;

    private final DocumentJournal journal;
    private final long compactAbove;
    private final int ratio;
    private final Set<DurableCollection> collections = ConcurrentHashMap.newKeySet();
    private final FieldNames fieldNames = new FieldNames();
    private final Object compactionLock = new Object();
    private ScheduledExecutorService syncer;
    private ScheduledExecutorService compactor;
    private volatile long nextCompactionCheck;
    private volatile boolean closing;

    private DurableMemoryBackend(DocumentJournal journal, long compactAbove, int ratio) {
        this.journal = journal;
        this.compactAbove = compactAbove;
        this.ratio = ratio;
    }

    /**
     * Opens the store kept in the journal file, creating it if there is none yet (and importing the older H2 file
     * if there is one), and starts forcing the journal to the disk and compacting it in the background.
     */
    static DurableMemoryBackend open(Path journalFile, Path legacyH2File) {
        return open(journalFile, legacyH2File, DEFAULT_COMPACT_ABOVE, DEFAULT_RATIO);
    }

    static DurableMemoryBackend open(Path journalFile, Path legacyH2File, long compactAbove, int ratio) {
        try {
            return start(journalFile.toAbsolutePath(), legacyH2File == null ? null : legacyH2File.toAbsolutePath(),
                    compactAbove, ratio);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the store's journal " + journalFile, e);
        }
    }

    private static DurableMemoryBackend start(Path journalFile, Path legacyH2File, long compactAbove, int ratio)
            throws IOException {
        Files.createDirectories(journalFile.getParent());
        Path fresh = sibling(journalFile, ".new");
        Files.deleteIfExists(fresh);
        Files.deleteIfExists(sibling(journalFile, ".compacting"));

        StoreImage image = new StoreImage();
        boolean journalExisted = Files.exists(journalFile);
        boolean importing = !journalExisted && legacyH2File != null && Files.exists(legacyH2File);
        if (journalExisted) {
            DocumentJournal.Replay replay = DocumentJournal.replay(journalFile, image::apply);
            if (replay.damaged()) {
                Path kept = sibling(journalFile, ".damaged");
                Files.copy(journalFile, kept, StandardCopyOption.REPLACE_EXISTING);
                log.warn("The store's journal ends in a damaged record, as a crash leaves it: kept the {} records before"
                                + " it and ignored the last {} bytes (the whole file is kept as {})", replay.records(),
                        replay.fileBytes() - replay.validBytes(), kept);
            }
        } else if (importing) {
            log.info("Importing the store's data from the H2 file {}", legacyH2File);
            H2Import.read(legacyH2File, image);
        }

        DocumentJournal journal = DocumentJournal.create(fresh);
        DurableMemoryBackend backend = new DurableMemoryBackend(journal, compactAbove, ratio);
        try {
            // the store's state, rebuilt, is the compacted journal: written to a new file and renamed over the old
            journal.collectWrites();
            backend.load(image);
            journal.commitTo(journalFile);
        } catch (IOException | RuntimeException e) {
            try {
                journal.close();
                Files.deleteIfExists(fresh);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        try {
            backend.reportSize(image.documentCount());
            if (legacyH2File != null && Files.exists(legacyH2File)) {
                Path aside = sibling(legacyH2File, ".imported");
                Files.move(legacyH2File, aside, StandardCopyOption.REPLACE_EXISTING);
                if (importing) {
                    log.info("The H2 file's data is in the journal now; the file is kept as {}", aside);
                } else {
                    log.info("An earlier start imported the H2 file but stopped before it could put the file aside;"
                            + " it is kept as {}", aside);
                }
            }
            backend.startBackgroundWork();
            return backend;
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private void reportSize(long documents) {
        long live = liveBytes();
        long heap = Runtime.getRuntime().maxMemory();
        log.info("Opened the store: {} documents, {} MB in {}", documents, live >> 20, journal.file());
        // documents take about twice their BSON size as Java objects
        if (HEAP_PER_BSON_BYTE * live > heap / 2) {
            log.warn("The store's documents take about {} MB of this JVM's {} MB heap: start on a fresh data directory"
                    + " (--data) or give the launcher a larger heap", HEAP_PER_BSON_BYTE * live >> 20, heap >> 20);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private void load(StoreImage image) {
        image.databases().forEach((databaseName, content) -> {
            DurableDatabase database = (DurableDatabase) resolveDatabase(databaseName);
            content.forEach((collectionName, collection) -> {
                MongoCollection<?> created = database.createCollectionOrThrowIfExists(collectionName,
                        options(collection.options()));
                collection.indexes().forEach(database::addIndex);
                collection.documents().forEach(created::addDocument);
            });
        });
    }

    private void startBackgroundWork() {
        syncer = Executors.newSingleThreadScheduledExecutor(daemon("mongo-journal-sync"));
        syncer.scheduleWithFixedDelay(this::sync, SYNC_INTERVAL_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS);
        compactor = Executors.newSingleThreadScheduledExecutor(daemon("mongo-journal-compaction"));
        compactor.scheduleWithFixedDelay(this::compactIfWorthIt, COMPACTION_CHECK_MS, COMPACTION_CHECK_MS,
                TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void sync() {
        try {
            journal.sync();
        } catch (IOException e) {
            log.error("Could not force the store's journal to the disk; the store takes no more changes", e);
        } catch (RuntimeException e) {
            log.error("Could not force the store's journal to the disk", e);
        }
    }

    /** The journal file's size now. */
    long journalSize() {
        return journal.size();
    }

    /** About the size the journal would have if compacted now. */
    long liveBytes() {
        return collections.stream().mapToLong(DurableCollection::liveBytes).sum();
    }

    private void compactIfWorthIt() {
        if (closing || System.currentTimeMillis() < nextCompactionCheck) {
            return;
        }
        long size = journal.size();
        long live = liveBytes();
        if (size <= compactAbove || size <= ratio * live) {
            return;
        }
        try {
            long started = System.nanoTime();
            compact();
            log.info("Compacted the store's journal from {} to {} bytes in {} ms", size, journal.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (CancellationException e) {
            // closing
        } catch (IOException | RuntimeException e) {
            nextCompactionCheck = System.currentTimeMillis() + COMPACTION_RETRY_MS;
            log.warn("Could not compact the store's journal; it keeps growing until the next try", e);
        }
    }

    /** Rewrites the journal as a snapshot of the store, while the store goes on taking changes. */
    void compact() throws IOException {
        synchronized (compactionLock) {
            Path file = journal.file();
            Path temporary = sibling(file, ".compacting");
            DocumentJournal successor = DocumentJournal.create(temporary);
            try {
                long from = journal.size();
                for (DurableCollection collection : List.copyOf(collections)) {
                    collection.writeSnapshot(successor);
                }
                journal.replaceWith(successor, from);
            } catch (IOException | RuntimeException e) {
                successor.close();
                Files.deleteIfExists(temporary);
                throw e;
            }
        }
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new DurableDatabase(databaseName);
    }

    @Override
    public void dropDatabase(String databaseName) {
        boolean existed = listDatabaseNames().contains(databaseName);
        super.dropDatabase(databaseName);
        if (existed) {
            journal.append(Operation.DROP_DATABASE, databaseName, "", null);
        }
    }

    /** Stops the background work and forces the journal to the disk one last time; closing twice does nothing. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (ScheduledExecutorService executor : Arrays.asList(compactor, syncer)) {
            if (executor != null) {
                // no interrupt: it would close the journal's channel in the middle of a write or force
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                        log.warn("The store's background work did not stop in time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        super.close();
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the store's journal", e);
        }
    }

    private static Document optionsDocument(CollectionOptions options) {
        return new Document("idField", options.getIdField());
    }

    private static CollectionOptions options(Document document) {
        Object idField = document.get("idField");
        return idField instanceof String field ? CollectionOptions.withIdField(field) : CollectionOptions.withDefaults();
    }

    private static boolean isSystem(String collectionName) {
        return collectionName.startsWith("system.");
    }

    // An inner class: MemoryDatabase's constructor already opens collections, before a field of its own could be set.
    private final class DurableDatabase extends MemoryDatabase {

        DurableDatabase(String databaseName) {
            super(databaseName, getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            if (isSystem(collectionName)) {
                // where the database keeps its collections' names and index descriptions, rebuilt from the journal
                return super.openOrCreateCollection(collectionName, options);
            }
            DurableCollection collection = new DurableCollection(this, collectionName, options, cursorRegistry);
            journal.append(Operation.CREATE_COLLECTION, databaseName, collectionName, optionsDocument(options));
            collections.add(collection);
            return collection;
        }

        @Override
        protected synchronized void addIndex(Document indexDescription) {
            super.addIndex(indexDescription);
            String namespace = (String) indexDescription.get("ns");
            String collectionName = namespace.substring(databaseName.length() + 1);
            // the index on _id comes with the collection
            if (!isSystem(collectionName) && !isPrimaryKeyIndex((Document) indexDescription.get("key"))) {
                journal.append(Operation.CREATE_INDEX, databaseName, collectionName, indexDescription);
            }
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            if (sparse && keys.size() == 1
                    && resolveCollection(collectionName, false) instanceof DurableCollection collection) {
                return new PresenceIndex<>(indexName, keys.getFirst(), collection.idField());
            }
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Integer> collection, String indexName) {
            super.dropIndex(collection, indexName);
            if (collection instanceof DurableCollection) {
                journal.append(Operation.DROP_INDEX, databaseName, collection.getCollectionName(),
                        new Document("name", indexName));
            }
        }

        /** The descriptions of the collection's indexes, as {@code listIndexes} shows them, without the one on _id. */
        List<Document> indexDescriptions(String collectionName) {
            MongoCollection<Integer> all = indexes.get();
            List<Document> descriptions = new ArrayList<>();
            if (all != null) {
                for (Document description : all.handleQuery(new Document("ns", getFullCollectionNamespace(collectionName)))) {
                    if (!isPrimaryKeyIndex((Document) description.get("key"))) {
                        descriptions.add(description.cloneDeeply());
                    }
                }
            }
            return descriptions;
        }
    }

    private final class DurableCollection extends MemoryCollection {

        // the BSON size of the document at each position, 0 where there is none
        private int[] sizes = new int[64];
        // the positions handed out so far: documents are at positions below, and keep theirs until deleted
        private int slots;
        private Integer added;
        private boolean dropped;
        private volatile long liveBytes;

        DurableCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        long liveBytes() {
            return liveBytes;
        }

        String idField() {
            return getIdField();
        }

        @Override
        public synchronized void addDocument(Document document) {
            super.addDocument(document);
            setSize(added, append(Operation.PUT, document));
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            fieldNames.share(document);
            Integer position = super.addDocumentInternal(document);
            slots = Math.max(slots, position + 1);
            added = position;
            return position;
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            // the stored document, changed in place: fields the update added or replaced come with names of their own
            fieldNames.share(newDocument);
            super.handleUpdate(position, oldDocument, newDocument);
            setSize(position, append(Operation.PUT, newDocument));
        }

        @Override
        protected void removeDocument(Integer position) {
            Object id = getDocument(position).get(getIdField());
            super.removeDocument(position);
            setSize(position, 0);
            append(Operation.DELETE, new Document(ID, id));
        }

        @Override
        public synchronized void drop() {
            super.drop();
            dropped = true;
            collections.remove(this);
            append(Operation.DROP_COLLECTION, null);
        }

        @Override
        public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            String oldDatabase = getDatabaseName();
            String oldName = getCollectionName();
            super.renameTo(newDatabase, newCollectionName);
            journal.append(Operation.RENAME_COLLECTION, oldDatabase, oldName,
                    new Document("database", newDatabase.getDatabaseName()).append("collection", newCollectionName));
        }

        // the data size follows the journal's encoding of each document instead of encoding it once more
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        private int append(Operation operation, Document document) {
            return journal.append(operation, getDatabaseName(), getCollectionName(), document);
        }

        private void setSize(int position, int size) {
            if (position >= sizes.length) {
                sizes = Arrays.copyOf(sizes, Math.max(position + 1, sizes.length * 2));
            }
            int old = sizes[position];
            sizes[position] = size;
            updateDataSize(size - old);
            liveBytes += (size == 0 ? 0 : size + RECORD_OVERHEAD) - (old == 0 ? 0 : old + RECORD_OVERHEAD);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = pinnedId(query);
            if (id != null) {
                Index<Integer> idIndex = idIndex();
                if (idIndex != null) {
                    // the whole filter is matched against the one document with that _id, if there is one
                    Integer position = idIndex.getPosition(new Document(ID, id));
                    List<Integer> positions = position == null ? List.of() : List.of(position);
                    return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        // the _id a filter with more than that pins to one plain value, at its top or in a top-level $and, if any
        private static Object pinnedId(Document query) {
            if (query.size() < 2 && !query.containsKey("$and")) {
                return null;
            }
            Object id = query.get(ID);
            if (isPlainId(id)) {
                return id;
            }
            if (query.get("$and") instanceof List<?> conditions) {
                for (Object condition : conditions) {
                    if (condition instanceof Document document && isPlainId(document.get(ID))) {
                        return document.get(ID);
                    }
                }
            }
            return null;
        }

        private Index<Integer> idIndex() {
            for (Index<Integer> index : getIndexes()) {
                if (index.getName().equals(Constants.PRIMARY_KEY_INDEX_NAME)) {
                    return index;
                }
            }
            return null;
        }

        // MemoryCollection's own looks every position up in the list of free ones
        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return IntStream.range(0, slots)
                    .mapToObj(position -> {
                        Document document = getDocument(position);
                        return document == null ? null : new DocumentWithPosition<>(document, position);
                    })
                    .filter(Objects::nonNull);
        }

        /**
         * Writes the collection, its indexes and its documents to the journal, a piece at a time under the
         * collection's lock. All of it goes under the name the collection has when this starts: a rename meanwhile
         * is in the records copied after the snapshot.
         */
        void writeSnapshot(DocumentJournal target) {
            String database;
            String name;
            synchronized (this) {
                if (dropped) {
                    return;
                }
                database = getDatabaseName();
                name = getCollectionName();
            }
            ByteBuf piece = Unpooled.buffer(SNAPSHOT_PIECE_BYTES + SNAPSHOT_PIECE_BYTES / 4);
            try {
                DocumentJournal.encode(piece, Operation.CREATE_COLLECTION, database, name, optionsDocument(options));
                for (Document index : ((DurableDatabase) getDatabase()).indexDescriptions(name)) {
                    DocumentJournal.encode(piece, Operation.CREATE_INDEX, database, name, index);
                }
                int position = 0;
                while (true) {
                    if (closing) {
                        throw new CancellationException("The store is closing");
                    }
                    synchronized (this) {
                        int end = dropped ? position : slots;
                        while (position < end && piece.readableBytes() < SNAPSHOT_PIECE_BYTES) {
                            Document document = getDocument(position++);
                            if (document != null) {
                                DocumentJournal.encode(piece, Operation.PUT, database, name, document);
                            }
                        }
                    }
                    if (!piece.isReadable()) {
                        return;
                    }
                    target.write(piece);
                    piece.clear();
                }
            } finally {
                piece.release();
            }
        }
    }

    // an exact value whose Java equality is MongoDB's (unlike numbers, where 1 equals 1.0), not an operator
    private static boolean isPlainId(Object id) {
        return id instanceof String || id instanceof ObjectId || id instanceof UUID;
    }
}

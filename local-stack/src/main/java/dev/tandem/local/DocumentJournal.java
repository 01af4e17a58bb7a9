package dev.tandem.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The local store's redo log: an append-only file with one record per change to a document (its whole new state,
 * or its {@code _id} when it was deleted) and per change to the collections and indexes that hold them. Replaying
 * the file from the start rebuilds the store.
 *
 * <p>The file starts with {@link #MAGIC}; then each record is a 4-byte length, the CRC32 of the body and the body:
 * one byte for the {@link Operation}, the database and the collection name (NUL-terminated UTF-8) and one BSON
 * document. A record whose length or checksum does not match what follows, as a write cut short by a crash
 * leaves it, ends the replay: everything before it is kept.
 *
 * <p>{@link #append} writes each record to the file with a {@link FileChannel} write before it returns, so the
 * change is in the operating system's hands before the store answers the command that made it: a crash of the
 * launcher loses nothing. Forcing the file to the disk ({@link #sync}) is left to a schedule, which is how
 * MongoDB's journal works too: a crash of the whole machine can lose the writes of the last interval.
 */
final class DocumentJournal implements AutoCloseable {

    /** What a record does; its code is the record's first byte. */
    enum Operation {
        /** The document's whole new state, inserted or updated: the document is the record's document. */
        PUT(1),
        /** The document is gone: the record's document holds its {@code _id}. */
        DELETE(2),
        /** The collection exists, with the options in the record's document. */
        CREATE_COLLECTION(3),
        /** The collection has the index the record's document describes (as {@code listIndexes} shows it). */
        CREATE_INDEX(4),
        /** The collection no longer has the index named by the record's document's {@code name}. */
        DROP_INDEX(5),
        /** The collection, its indexes and its documents are gone. */
        DROP_COLLECTION(6),
        /** Every collection of the database is gone. */
        DROP_DATABASE(7),
        /** The collection is now called {@code collection} in {@code database}, as the record's document says. */
        RENAME_COLLECTION(8);

        private final byte code;

        Operation(int code) {
            this.code = (byte) code;
        }

        static Operation of(byte code) {
            for (Operation operation : values()) {
                if (operation.code == code) {
                    return operation;
                }
            }
            throw new IllegalArgumentException("Unknown journal operation " + code);
        }
    }

    /** One record, as read back. */
    record Entry(Operation operation, String database, String collection, Document document) {
    }

    /** What a replay found: the records it applied, and where the file stopped making sense if it did. */
    record Replay(long records, long validBytes, long fileBytes) {

        boolean damaged() {
            return validBytes < fileBytes;
        }
    }

    static final byte[] MAGIC = "tandem-journal-1".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_HEADER = 8;
    // a document is at most 16 MB in MongoDB; anything claiming to be much longer is damage, not a record
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int KEEP_BUFFER_BELOW = 1024 * 1024;
    private static final Document EMPTY = new Document();
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(8192));

    private final Object lock = new Object();
    private Path file;
    private FileChannel channel;
    private long size;
    private boolean dirty;
    private IOException failure;
    // while a fresh journal is filled in one go (at start), records collect here and are written in large pieces
    private ByteBuf pending;

    private DocumentJournal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** A new, empty journal file, replacing any file of that name. */
    static DocumentJournal create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(channel, ByteBuffer.wrap(MAGIC));
            return new DocumentJournal(file, channel, MAGIC.length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        synchronized (lock) {
            return file;
        }
    }

    /** The bytes in the file so far. */
    long size() {
        synchronized (lock) {
            return size;
        }
    }

    /**
     * Writes one record to the file (see the class comment for what that promises).
     *
     * @return the size of the document's BSON encoding
     * @throws UncheckedIOException when the file cannot be written; from then on the journal refuses every record,
     *                              since one that is cut short would hide all that follow it from a replay
     */
    int append(Operation operation, String database, String collection, Map<String, ?> document) {
        ByteBuf buffer = BUFFER.get();
        buffer.clear();
        try {
            int documentSize = encode(buffer, operation, database, collection, document);
            write(buffer);
            return documentSize;
        } finally {
            if (buffer.capacity() > KEEP_BUFFER_BELOW) {
                BUFFER.remove();
            }
        }
    }

    /** Writes records already {@linkplain #encode encoded} into the buffer, all of them, in order. */
    void write(ByteBuf records) {
        synchronized (lock) {
            if (failure != null) {
                throw new UncheckedIOException("The store's journal could not be written before, so it takes no"
                        + " more changes: restart the local stack", failure);
            }
            if (channel == null) {
                throw new IllegalStateException("The store's journal is closed");
            }
            if (pending != null) {
                pending.writeBytes(records, records.readerIndex(), records.readableBytes());
                if (pending.readableBytes() >= KEEP_BUFFER_BELOW) {
                    writePending();
                }
                return;
            }
            // an interrupt during a write would close the channel; one that is merely pending must not
            boolean interrupted = Thread.interrupted();
            try {
                writeFully(channel, records.nioBuffer());
                size += records.readableBytes();
                dirty = true;
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("Could not write to the store's journal " + file, e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Collects records in memory from now on, for a journal that nobody relies on yet; see {@link #commitTo}. */
    void collectWrites() {
        synchronized (lock) {
            pending = Unpooled.buffer(2 * KEEP_BUFFER_BELOW);
        }
    }

    private void writePending() {
        ByteBuf records = pending;
        pending = null;
        try {
            write(records);
        } finally {
            records.clear();
            pending = records;
        }
    }

    /** Forces what was written to the disk, if anything was since the last time. */
    void sync() throws IOException {
        FileChannel current;
        synchronized (lock) {
            if (!dirty || channel == null || failure != null) {
                return;
            }
            dirty = false;
            current = channel;
        }
        try {
            current.force(false);
        } catch (ClosedChannelException e) {
            // replaced by a compacted file, which was forced when it took over, or closed, which forces it too
        } catch (IOException e) {
            synchronized (lock) {
                // after a failed force the operating system may have dropped the pages it could not write
                failure = e;
            }
            throw e;
        }
    }

    /**
     * Makes this journal, written to a file of its own, the journal at {@code target}: writes what it collected,
     * forces it to the disk, then renames it over the target in one step, so that a crash leaves either the old
     * journal or this one there.
     */
    void commitTo(Path target) throws IOException {
        synchronized (lock) {
            if (pending != null) {
                ByteBuf records = pending;
                pending = null;
                write(records);
                records.release();
            }
            channel.force(true);
            moveAtomically(file, target);
            file = target;
            dirty = false;
        }
    }

    /**
     * Puts the successor, which holds a snapshot of the store taken after this journal had {@code from} bytes, in
     * this journal's place: first the records written here since {@code from} are copied after the snapshot
     * (replayed after it, they bring every document the snapshot may have caught earlier up to date), the last of
     * them while writers wait, then the successor is renamed over this file and takes the writes from then on.
     */
    void replaceWith(DocumentJournal successor, long from) throws IOException {
        Path target = file();
        try (FileChannel reader = FileChannel.open(target, StandardOpenOption.READ)) {
            long copied = from;
            // catch up without holding up the writers, until what is left is small
            for (long end = size(); end - copied > KEEP_BUFFER_BELOW; end = size()) {
                copied = copy(reader, copied, end, successor.channel);
            }
            synchronized (lock) {
                if (channel == null) {
                    throw new ClosedChannelException();
                }
                copy(reader, copied, size, successor.channel);
                long successorSize = successor.channel.position();
                successor.channel.force(true);
                moveAtomically(successor.file, target);
                FileChannel replaced = channel;
                channel = successor.channel;
                size = successorSize;
                dirty = false;
                successor.channel = null;
                replaced.close();
            }
        }
    }

    private static long copy(FileChannel from, long start, long end, FileChannel to) throws IOException {
        long position = start;
        while (position < end) {
            long transferred = from.transferTo(position, end - position, to);
            if (transferred <= 0) {
                throw new IOException("Could not copy the journal's bytes from " + position + " to " + end);
            }
            position += transferred;
        }
        return position;
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (channel == null) {
                return;
            }
            try {
                if (failure == null) {
                    if (pending != null && pending.isReadable()) {
                        writePending();
                    }
                    channel.force(false);
                }
            } finally {
                channel.close();
                channel = null;
                if (pending != null) {
                    pending.release();
                    pending = null;
                }
            }
        }
    }

    /**
     * Appends one whole record to the buffer.
     *
     * @return the size of the document's BSON encoding
     */
    static int encode(ByteBuf out, Operation operation, String database, String collection,
                      Map<String, ?> document) {
        int start = out.writerIndex();
        out.writeLong(0); // length and checksum, once the body is known
        out.writeByte(operation.code);
        writeCString(out, database);
        writeCString(out, collection);
        int documentStart = out.writerIndex();
        BsonEncoder.encodeDocument(document == null ? EMPTY : document, out);
        int documentSize = out.writerIndex() - documentStart;
        int bodyStart = start + RECORD_HEADER;
        int bodyLength = out.writerIndex() - bodyStart;
        CRC32 crc = new CRC32();
        crc.update(out.nioBuffer(bodyStart, bodyLength));
        out.setInt(start, bodyLength);
        out.setInt(start + 4, (int) crc.getValue());
        return documentSize;
    }

    private static void writeCString(ByteBuf out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    /**
     * Reads the journal from the start and hands each intact record to {@code apply}, in order, up to the end of
     * the file or the first record that is cut short or does not match its checksum.
     *
     * @throws IOException when the file cannot be read or is not a journal at all
     */
    static Replay replay(Path file, Consumer<Entry> apply) throws IOException {
        long fileBytes = Files.size(file);
        try (InputStream stream = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a journal of the local store");
            }
            long valid = MAGIC.length;
            long records = 0;
            byte[] header = new byte[RECORD_HEADER];
            byte[] body = new byte[8192];
            CRC32 crc = new CRC32();
            while (true) {
                int headerRead = in.readNBytes(header, 0, RECORD_HEADER);
                if (headerRead < RECORD_HEADER) {
                    break;
                }
                ByteBuffer fields = ByteBuffer.wrap(header);
                int length = fields.getInt();
                int checksum = fields.getInt();
                if (length <= 0 || length > MAX_BODY) {
                    break;
                }
                if (body.length < length) {
                    body = new byte[Math.max(length, body.length * 2)];
                }
                if (in.readNBytes(body, 0, length) < length) {
                    break;
                }
                crc.reset();
                crc.update(body, 0, length);
                if ((int) crc.getValue() != checksum) {
                    break;
                }
                Entry entry;
                try {
                    entry = decode(Unpooled.wrappedBuffer(body, 0, length));
                } catch (RuntimeException e) {
                    break;
                }
                apply.accept(entry);
                records++;
                valid += RECORD_HEADER + length;
            }
            return new Replay(records, valid, fileBytes);
        }
    }

    private static Entry decode(ByteBuf body) {
        Operation operation = Operation.of(body.readByte());
        String database = BsonDecoder.decodeCString(body);
        String collection = BsonDecoder.decodeCString(body);
        Document document = BsonDecoder.decodeBson(body);
        if (body.isReadable()) {
            throw new IllegalArgumentException("Bytes left after the record's document");
        }
        return new Entry(operation, database, collection, document);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename " + from + " over " + to + " in one step", e);
        }
        forceDirectory(to.toAbsolutePath().getParent());
    }

    // makes the rename itself durable; not every platform can open a directory, and there it is left to the system
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows: directories cannot be opened as channels; NTFS makes the rename durable by itself
        }
    }
}

package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a long list (at least {@link #MIN_PARALLEL} elements: 10⁶ study rows, 10⁶ Kaplan-Meier rows) in chunks of
 * {@link #CHUNK} elements that worker threads format at the same time, each into its own buffer with the same mapper
 * and a {@link Json.Printer} starting at the list's depth, and writes the chunks in order: the same bytes as one
 * thread writing the elements one after another ({@code ParallelListSerializerTest}), in about half the time on two
 * cores. Shorter lists, lists without fast random access and generators that are not the one writer's pretty
 * printing go to Jackson's own collection serializer. The elements are read by several threads at once, so a list
 * written this way must be safe to read concurrently (every list in our output records is immutable once built). A
 * long list inside the elements of a long list is written by the worker that formats its chunk.
 */
final class ParallelListSerializer extends JsonSerializer<Object> implements ContextualSerializer, ResolvableSerializer {

    /** Lists shorter than this are written by Jackson's serializer on the calling thread. */
    static final int MIN_PARALLEL = 1 << 13;
    /** The most worker threads a list is formatted with. */
    static final int MAX_WORKERS = 4;
    /** Most elements per chunk (below {@link #MIN_PARALLEL}, so a chunk never splits again). */
    static final int CHUNK = 1 << 10;
    /**
     * Elements written first, alone: their size sets the chunk length, so that a chunk is about
     * {@link #CHUNK_BYTES} ({@link #CHUNK} study rows of about 250 bytes; 300 of scan's findings of about 900 bytes,
     * whose chunks of 1,024 kept 4 MB in flight).
     */
    static final int PROBE = 64;
    /** The bytes a chunk is sized for. */
    static final int CHUNK_BYTES = 1 << 18;

    private final JsonSerializer<Object> delegate;

    @SuppressWarnings("unchecked")
    ParallelListSerializer(JsonSerializer<?> delegate) {
        this.delegate = (JsonSerializer<Object>) delegate;
    }

    /** The modifier that puts this serializer in front of every {@link List} serializer of a mapper. */
    static BeanSerializerModifier modifier() {
        return new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                    BeanDescription desc, JsonSerializer<?> serializer) {
                return List.class.isAssignableFrom(type.getRawClass()) ? new ParallelListSerializer(serializer)
                        : serializer;
            }
        };
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property)
            throws JsonMappingException {
        if (delegate instanceof ContextualSerializer c) {
            JsonSerializer<?> d = c.createContextual(prov, property);
            return d == delegate ? this : new ParallelListSerializer(d);
        }
        return this;
    }

    @Override
    public void resolve(SerializerProvider prov) throws JsonMappingException {
        if (delegate instanceof ResolvableSerializer r) {
            r.resolve(prov);
        }
    }

    @Override
    public boolean isEmpty(SerializerProvider prov, Object value) {
        return delegate.isEmpty(prov, value);
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider prov, TypeSerializer ts)
            throws IOException {
        delegate.serializeWithType(value, gen, prov, ts);
    }

    @Override
    public Class<Object> handledType() {
        return delegate.handledType();
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider prov) throws IOException {
        // one worker per core, at most MAX_WORKERS: past a few, the one thread that writes the chunks is the limit, and
        // each worker keeps two chunks (about 0.5 MB each for study rows) in flight
        int threads = Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
        if (!(value instanceof List<?> list && list instanceof RandomAccess) || list.size() < MIN_PARALLEL
                || threads < 2 || Thread.currentThread() instanceof Worker
                || !(gen.getPrettyPrinter() instanceof Json.Printer)
                || !(gen.getCodec() instanceof ObjectMapper mapper)
                || !(gen.getOutputTarget() instanceof OutputStream || gen.getOutputTarget() instanceof Writer)) {
            delegate.serialize(value, gen, prov);
            return;
        }
        int depth = gen.getOutputContext().getNestingDepth();
        ObjectWriter writer = mapper.writer(new Json.Printer(depth));
        gen.writeRawValue("");   // the separator before a value in this context (" : " after a key, "," in an array)
        gen.writeRaw('[');
        gen.flush();
        Object target = gen.getOutputTarget();
        // a chunk is written as a list of its own: "[" + its elements + "\n" + the list's indentation + "]"
        int trailer = 2 + 2 * depth;
        int n = list.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Worker::new);
        try {
            // the first elements alone (on a worker, so that a long list inside them is not split again): their size
            // sets the chunk length
            Chunk probe = take(pool.submit(formatting(writer, list.subList(0, PROBE))));
            write(target, probe, true, trailer);
            int bytesPerElement = Math.max(1, (probe.size() - 1 - trailer) / PROBE);
            int chunk = Math.max(PROBE, Math.min(CHUNK, CHUNK_BYTES / bytesPerElement));
            ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
            int next = PROBE;
            while (next < n || !pending.isEmpty()) {
                while (next < n && pending.size() < 2 * threads) {
                    pending.add(pool.submit(formatting(writer, list.subList(next, Math.min(n, next + chunk)))));
                    next += chunk;
                }
                write(target, take(pending.poll()), false, trailer);
            }
        } finally {
            pool.shutdownNow();
        }
        gen.writeRaw(Json.Printer.indentation(depth));
        gen.writeRaw(']');
    }

    /** The task that formats {@code part} as a list of its own, into a chunk. */
    private static Callable<Chunk> formatting(ObjectWriter writer, List<?> part) {
        return () -> {
            Chunk c = new Chunk(part.size() * 256);
            writer.writeValue(c, part);
            return c;
        };
    }

    /** A chunk's elements, after a comma unless they are the list's first. */
    private static void write(Object target, Chunk c, boolean first, int trailer) throws IOException {
        if (target instanceof OutputStream out) {
            if (!first) {
                out.write(',');
            }
            c.writeTo(out, 1, c.size() - 1 - trailer);
        } else {
            Writer out = (Writer) target;
            if (!first) {
                out.write(',');
            }
            out.write(c.text(1, c.size() - 1 - trailer));
        }
    }

    private static Chunk take(Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing JSON", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /** A thread formatting chunks: a long list inside a chunk's elements is written there, not split again. */
    private static final class Worker extends Thread {
        Worker(Runnable r) {
            super(r, "json-chunks");
            setDaemon(true);
        }
    }

    /** A chunk's UTF-8 bytes, written without a copy. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk(int size) {
            super(size);
        }

        void writeTo(OutputStream out, int from, int len) throws IOException {
            out.write(buf, from, len);
        }

        String text(int from, int len) {
            return new String(buf, from, len, StandardCharsets.UTF_8);
        }
    }
}

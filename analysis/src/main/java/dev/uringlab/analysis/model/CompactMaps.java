package dev.uringlab.analysis.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-only maps for the many small maps of many runs: the key list is shared by every run that
 * has the same keys in the same order (all runs of a sweep do), values are a plain array. A
 * 100,000-run analysis held half a GiB of LinkedHashMap entries and boxed Doubles this replaces.
 * Iteration order is the source map's; equals/hashCode are those of any Map.
 */
final class CompactMaps {

    /** Beyond this many distinct key lists, stop sharing (a pathological result set must not grow the cache forever). */
    private static final int MAX_SHARED = 4096;
    private static final Map<List<String>, Keys> SHARED = new ConcurrentHashMap<>();
    private static final Map<String, String> STRINGS = new ConcurrentHashMap<>();

    private CompactMaps() {
    }

    /** One copy of a repeated value ("irq", "tracepoint", "ok"); unique strings pass through after the cache is full. */
    static String intern(String s) {
        if (s == null || s.length() > 64) {
            return s;
        }
        String shared = STRINGS.get(s);
        if (shared != null) {
            return shared;
        }
        if (STRINGS.size() < 100_000) {
            shared = STRINGS.putIfAbsent(s, s);
        }
        return shared == null ? s : shared;
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> of(Map<String, V> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        String[] names = new String[source.size()];
        Object[] values = new Object[source.size()];
        boolean doubles = true;
        int i = 0;
        for (Map.Entry<String, V> e : source.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
            }
            names[i] = e.getKey();
            Object v = e.getValue();
            values[i++] = v instanceof String s ? intern(s) : v;
            doubles &= v instanceof Double;
        }
        Keys keys = keys(names);
        if (doubles) {
            double[] d = new double[values.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = (Double) values[k];
            }
            return (Map<String, V>) new DoubleMap(keys, d);
        }
        return new ObjectMap<>(keys, values);
    }

    private static Keys keys(String[] names) {
        List<String> list = Arrays.asList(names);
        Keys k = SHARED.get(list);
        if (k != null) {
            return k;
        }
        for (int i = 0; i < names.length; i++) {
            names[i] = intern(names[i]);
        }
        k = new Keys(names);
        if (SHARED.size() < MAX_SHARED) {
            Keys prior = SHARED.putIfAbsent(List.copyOf(list), k);
            return prior == null ? k : prior;
        }
        return k;
    }

    private static final class Keys {
        final String[] names;
        final Map<String, Integer> index;

        Keys(String[] names) {
            this.names = names;
            this.index = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(names[i], i);
            }
        }
    }

    private abstract static class Base<V> extends AbstractMap<String, V> {
        final Keys keys;

        Base(Keys keys) {
            this.keys = keys;
        }

        abstract V at(int i);

        @Override
        public int size() {
            return keys.names.length;
        }

        @Override
        public boolean containsKey(Object key) {
            return keys.index.containsKey(key);
        }

        @Override
        public V get(Object key) {
            Integer i = keys.index.get(key);
            return i == null ? null : at(i);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.names.length;
                        }

                        @Override
                        public Entry<String, V> next() {
                            if (next >= keys.names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys.names[i], at(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.names.length;
                }
            };
        }
    }

    private static final class DoubleMap extends Base<Double> {
        private final double[] values;

        DoubleMap(Keys keys, double[] values) {
            super(keys);
            this.values = values;
        }

        @Override
        Double at(int i) {
            return values[i];
        }
    }

    private static final class ObjectMap<V> extends Base<V> {
        private final Object[] values;

        ObjectMap(Keys keys, Object[] values) {
            super(keys);
            this.values = values;
        }

        @Override
        @SuppressWarnings("unchecked")
        V at(int i) {
            return (V) values[i];
        }
    }
}

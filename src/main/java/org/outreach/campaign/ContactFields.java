package org.outreach.campaign;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A contact's values by column, in file order, unmodifiable: two arrays rather than a hash map. A launch keeps
 * every contact of its file while it checks and imports them, and for a hundred thousand contacts a map's
 * entries and tables were a third of the heap. A contacts row has a handful of columns, so looking one up by
 * name is a short scan.
 */
final class ContactFields extends AbstractMap<String, String> {

    private final String[] names;
    private final String[] values;

    private ContactFields(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** The non-blank values of {@code fields}, in their order, with the address as {@code email}. */
    static ContactFields of(Map<String, String> fields, String email) {
        String[] names = new String[fields.size() + 1];
        String[] values = new String[fields.size() + 1];
        int size = 0;
        boolean hasEmail = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            String value = field.getValue();
            if (name.equals(Contact.EMAIL) && value != null && !value.isBlank()) {
                // Where the file has it, with the address as parsed.
                hasEmail = true;
                value = email;
            }
            if (value != null && !value.isBlank()) {
                names[size] = name;
                values[size] = value;
                size++;
            }
        }
        if (!hasEmail) {
            names[size] = Contact.EMAIL;
            values[size] = email;
            size++;
        }
        return new ContactFields(java.util.Arrays.copyOf(names, size), java.util.Arrays.copyOf(values, size));
    }

    @Override
    public String get(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry = Map.entry(names[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}

package org.outreach.render;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import java.util.TreeSet;

import freemarker.cache.TemplateLoader;

/** Remembers which templates were used, so a launch can keep a copy of exactly those. */
final class RecordingLoader implements TemplateLoader {

    private final TemplateLoader delegate;
    private final Set<String> used = new TreeSet<>();

    RecordingLoader(TemplateLoader delegate) {
        this.delegate = delegate;
    }

    Set<String> used() {
        return used;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Object source = delegate.findTemplateSource(name);
        if (source != null) {
            used.add(name);
        }
        return source;
    }

    @Override
    public long getLastModified(Object templateSource) {
        return delegate.getLastModified(templateSource);
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        return delegate.getReader(templateSource, encoding);
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        delegate.closeTemplateSource(templateSource);
    }
}

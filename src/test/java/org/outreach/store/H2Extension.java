package org.outreach.store;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own empty H2 database in memory, with every migration applied, and closes it after the
 * test (like db-scheduler's HsqlExtension): store tests run against the real schema in milliseconds.
 */
final class H2Extension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(H2Extension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("database", key -> Database.inMemory(), Database.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Database database = context.getStore(NAMESPACE).remove("database", Database.class);
        if (database != null) {
            database.close();
        }
    }
}

package org.outreach.store;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.MessageState;

/**
 * How the lifecycle states are written in the database: the constant's name in lower case ({@code planned},
 * {@code active}), the spelling the rows have always had, so no migration is needed. The one place that
 * converts between the two.
 */
final class StateColumns {

    private static final List<Class<? extends Enum<?>>> STATES =
            List.of(MessageState.class, EnrollmentState.class, CampaignState.class);

    private StateColumns() {
    }

    static void register(Jdbi jdbi) {
        registerMapper(jdbi, MessageState.class);
        registerMapper(jdbi, EnrollmentState.class);
        registerMapper(jdbi, CampaignState.class);
        jdbi.registerArgument(new StateArgument());
    }

    static String text(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> void registerMapper(Jdbi jdbi, Class<E> type) {
        jdbi.registerColumnMapper(type, (rs, column, ctx) -> {
            String value = rs.getString(column);
            return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        });
    }

    /** Binds a state as its text; any other value is left to the other factories. */
    private static final class StateArgument implements ArgumentFactory {

        @Override
        public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
            if (!STATES.contains(type)) {
                return Optional.empty();
            }
            return Optional.of(value == null
                    ? (position, statement, ctx) -> statement.setNull(position, Types.VARCHAR)
                    : (position, statement, ctx) -> statement.setString(position, text((Enum<?>) value)));
        }
    }
}

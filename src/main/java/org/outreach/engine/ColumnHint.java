package org.outreach.engine;

import java.util.List;

import org.outreach.campaign.NearestName;
import org.outreach.campaign.RenderException;

/**
 * Completes "${contact.firstname} has no value" when no contact could have the value: the contacts file has no
 * such column. Says so, and names the column that was probably meant ("did you mean ${contact.first_name}?").
 */
final class ColumnHint {

    private ColumnHint() {
    }

    /** The message of {@code failure}, with the hint when it reads a column {@code columns} lacks. */
    static String message(RenderException failure, List<String> columns, String contactsFile) {
        return failure.missingColumn().filter(column -> !columns.contains(column))
                .map(column -> failure.getMessage() + "; " + contactsFile + " has no column \"" + column + "\""
                        + NearestName.of(column, columns).map(n -> ": did you mean ${contact." + n + "}?").orElse(""))
                .orElse(failure.getMessage());
    }
}

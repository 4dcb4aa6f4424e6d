package org.outreach.workspace;

/**
 * The character between the fields of a contacts file. Spreadsheets in many locales (German, French, Dutch…)
 * save "CSV" with semicolons, and some with tabs, so it is read from the header line rather than assumed: a
 * header with no comma but a semicolon or a tab uses that.
 */
enum Separator {
    COMMA(',', "comma"), SEMICOLON(';', "semicolon"), TAB('\t', "tab");

    private final char character;
    private final String word;

    Separator(char character, String word) {
        this.character = character;
        this.word = word;
    }

    /**
     * The separator of a file whose first line is {@code header}.
     *
     * @throws IllegalArgumentException when the header has no comma but both semicolons and tabs
     */
    static Separator of(String header) {
        boolean semicolon = header.indexOf(';') >= 0;
        boolean tab = header.indexOf('\t') >= 0;
        if (header.indexOf(',') >= 0 || !(semicolon || tab)) {
            return COMMA;
        }
        if (semicolon && tab) {
            throw new IllegalArgumentException("the header row has both semicolons and tabs between its columns;"
                    + " save the file with one separator: commas, semicolons or tabs");
        }
        return semicolon ? SEMICOLON : TAB;
    }

    char character() {
        return character;
    }

    /** "comma", "semicolon", "tab": as a problem names it. */
    String word() {
        return word;
    }
}

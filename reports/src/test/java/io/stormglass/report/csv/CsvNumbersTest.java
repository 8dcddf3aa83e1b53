package io.stormglass.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvNumbersTest {
    @Test
    void decimalsDropTrailingZerosAndReadBack() {
        assertEquals("1378.08703", CsvNumbers.decimals(1378.08703, 6));
        assertEquals("1000", CsvNumbers.decimals(1000.0, 6));
        assertEquals("0.000001", CsvNumbers.decimals(0.0000005, 6), "rounded half-up");
        assertEquals("100", CsvNumbers.decimals(100.0, 0), "a whole number keeps its zeros");
        assertEquals("", CsvNumbers.decimals(Double.NaN, 6));
        assertEquals("inf", CsvNumbers.decimals(Double.POSITIVE_INFINITY, 6));
        assertEquals(1378.08703, CsvNumbers.parseDecimals("1378.08703"), 0);
        assertEquals(Double.POSITIVE_INFINITY, CsvNumbers.parseDecimals("inf"), 0);
        assertEquals(Double.NaN, CsvNumbers.parseDecimals(""), 0);
        assertThrows(NumberFormatException.class, () -> CsvNumbers.parseDecimals("1e3"));
        assertThrows(NumberFormatException.class, () -> CsvNumbers.parseDecimals("fast"));
    }

    @Test
    void fixedKeepsEveryDecimalWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("2.623920", CsvNumbers.fixed(2.62392, 6));
            assertEquals("208.097", CsvNumbers.fixed(208.0971, 3));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}

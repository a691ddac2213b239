package org.qicsim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTypedCellsInTheContractEncoding() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text, List.of("point", "runSeed", "rate", "flag", "note"))) {
            csv.cell(0).cell("08b4fda8c892b50e").cell(0.125).cell(true).cell("plain").endRow();
            csv.cell(1L).cell("x").cell(Double.NaN).cell(false).cell((String) null).endRow();
            csv.row(2, "y", 1e-4, Boolean.TRUE, "");
            csv.row(3, "z", 123456789.5, null, "-0");
            assertThat(csv.rows()).isEqualTo(4);
        }
        assertThat(text.toString()).isEqualTo(
                "point,runSeed,rate,flag,note\n"
                + "0,08b4fda8c892b50e,0.125,true,plain\n"
                + "1,x,,false,\n"
                + "2,y,1.0E-4,true,\"\"\n"
                + "3,z,1.234567895E8,,-0\n");
    }

    @Test
    void quotesPerRfc4180() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text, List.of("a,b", "c"))) {
            csv.row("say \"hi\"", "line1\nline2");
            csv.row("cr\rhere", " spaces kept ");
        }
        assertThat(text.toString()).isEqualTo(
                "\"a,b\",c\n"
                + "\"say \"\"hi\"\"\",\"line1\nline2\"\n"
                + "\"cr\rhere\", spaces kept \n");
    }

    @Test
    void doublesRoundTripAndStayLocaleIndependent() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            StringWriter text = new StringWriter();
            double[] values = {0.1, 1.0 / 3, 2.5e-300, -7.25, 1e21, Double.MIN_VALUE};
            try (CsvWriter csv = new CsvWriter(text, List.of("v"))) {
                for (double v : values) {
                    csv.cell(v).endRow();
                }
            }
            String[] lines = text.toString().split("\n");
            assertThat(lines[1]).isEqualTo("0.1");
            assertThat(lines[4]).isEqualTo("-7.25");
            for (int i = 0; i < values.length; i++) {
                assertThat(lines[i + 1]).doesNotContain(",");
                assertThat(Double.parseDouble(lines[i + 1])).isEqualTo(values[i]);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void infinitiesAreWrittenAsJavaSpellsThem() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text, List.of("v", "w"))) {
            csv.row(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }
        assertThat(text.toString()).endsWith("Infinity,-Infinity\n");
    }

    @Test
    void rowsMustMatchTheHeader() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text, List.of("a", "b"))) {
            csv.cell(1);
            assertThatThrownBy(csv::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 cells");
            assertThatThrownBy(() -> csv.row(1, 2, 3)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> csv.row(1, new Object())).isInstanceOf(IllegalArgumentException.class);
            csv.row(4, 5);
        }
        // The rejected rows left nothing behind.
        assertThat(text.toString()).isEqualTo("a,b\n4,5\n");
    }

    @Test
    void fileIsUtf8WithoutBomAndNeverOverwritten() throws IOException {
        Path file = dir.resolve("sites.csv");
        try (CsvWriter csv = CsvWriter.create(file, List.of("name"))) {
            csv.row("Zürich–Genève");
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 'n');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("name\nZürich–Genève\n");
        assertThatThrownBy(() -> CsvWriter.create(file, List.of("x"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).startsWith("name\n");
    }

    @Test
    void closedWriterRefusesCells() throws IOException {
        CsvWriter csv = new CsvWriter(new StringWriter(), List.of("a"));
        assertThat(csv.isOpen()).isTrue();
        csv.close();
        csv.close();
        assertThat(csv.isOpen()).isFalse();
        assertThatThrownBy(() -> csv.cell(1)).isInstanceOf(IllegalStateException.class);
    }
}

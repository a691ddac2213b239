package org.qicsim.experiment.doe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignCsvTest {

    private static String csv(Design d) throws IOException {
        StringWriter out = new StringWriter();
        d.writeCsv(out);
        return out.toString();
    }

    @Test
    void gridRowsUseRootLocaleAndResultsConventions() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<Factor> factors = List.of(new Factor("a.rate", new Domain.Values(List.of(0.5, 1e-4))),
                    new Factor("a.name", new Domain.Values(Arrays.asList("x,y", "say \"hi\"", null))),
                    new Factor("a.n", new Domain.Values(List.of(12)), true));
            assertThat(csv(new Grid().generate(factors))).isEqualTo("""
                    point,a.rate,a.name,a.n
                    1,0.5,"x,y",12
                    2,0.5,"say ""hi\""",12
                    3,0.5,,12
                    4,1.0E-4,"x,y",12
                    5,1.0E-4,"say ""hi\""",12
                    6,1.0E-4,,12
                    """);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void roleColumnsPerDesignKind() throws IOException {
        List<Factor> two = List.of(new Factor("a.x", new Domain.Values(List.of(1.0, 2.0))),
                new Factor("a.y", new Domain.Values(List.of(true, false))));
        assertThat(csv(new OneAtATime().generate(two, List.of(1.0, true)))).isEqualTo("""
                point,varied,a.x,a.y
                1,,1.0,true
                2,a.x,2.0,true
                3,a.y,1.0,false
                """);
        String sobol = csv(new Saltelli(64).generate(two));
        assertThat(sobol).startsWith("point,block,row,varied,a.x,a.y\n1,A,1,,");
        assertThat(sobol.lines().skip(1 + 64).findFirst().orElseThrow()).startsWith("65,B,1,,");
        assertThat(sobol.lines().skip(1 + 3 * 64).findFirst().orElseThrow()).startsWith("193,AB,1,a.y,");
        String morris = csv(new Morris(2, 4).generate(two, new SplittableRandom(1)));
        assertThat(morris).startsWith("point,trajectory,step,varied,a.x,a.y\n1,1,0,,");
        assertThat(morris.lines().skip(4).findFirst().orElseThrow()).startsWith("4,2,0,,");
        assertThat(csv(new LatinHypercube(3).generate(two, new SplittableRandom(1)))).startsWith("point,a.x,a.y\n1,");
    }

    @Test
    void writesAFile(@TempDir Path dir) throws IOException {
        Design d = new Grid().generate(List.of(new Factor("a.é", new Domain.Values(List.of("ü")))));
        Path file = dir.resolve("design.csv");
        d.writeCsv(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("point,a.é\n1,ü\n");
    }

    @Test
    void refusesAFactorNamedLikeARoleColumn() {
        List<Factor> clash = List.of(new Factor("varied", new Domain.Values(List.of(1))));
        assertThatThrownBy(() -> new OneAtATime().generate(clash, List.of(1)))
                .isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.factor()).isEqualTo("varied"));
    }
}

package org.qicsim.scenario.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0.131, 0.131",
        "30000, 30000.0",
        "-2, -2.0",
        "0.005, 0.005",
        "1e7, 10000000.0",
        "1e16, 1.0e+16",
        "1.5e-8, 1.5e-8",
        "0.1, 0.1",
        "2.0e23, 2.0e+23",
        "1e23, 1.0e+23"
    })
    void yamlFormIsShortestWithADecimalPoint(double value, String expected) {
        assertThat(Numbers.yaml(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1", "0.5, 0.5", "1e7, 10000000", "-20, -20"})
    void plainFormDropsTheDecimalPointOfWholeNumbers(double value, String expected) {
        assertThat(Numbers.plain(value)).isEqualTo(expected);
    }

    static Stream<Arguments> randomDoubles() {
        SplittableRandom random = new SplittableRandom(20231201L);
        return IntStream.range(0, 200).mapToObj(i -> {
            double d = switch (i % 3) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
                default -> Math.round(random.nextDouble() * 1e6) / 1e3;
            };
            return Arguments.of("seed 20231201 case " + i, d);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomDoubles")
    void yamlFormReadsBackExactlyAndIsNoLongerThanJavas(String name, double d) {
        String text = Numbers.yaml(d);
        assertThat(Double.parseDouble(text)).isEqualTo(d);
        int ours = new BigDecimal(text).stripTrailingZeros().precision();
        int javas = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
        assertThat(ours).isLessThanOrEqualTo(javas);
    }
}

package dev.switchboard.contract.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small parsers of the reader: type expressions, durations, "did you mean". */
class TypeRefParserTest {

    @Test
    void parsesScalarsNamesListsAndMaps() {
        assertThat(TypeRefParser.parse("int64")).isEqualTo(new TypeRef.Scalar(ScalarKind.INT64));
        assertThat(TypeRefParser.parse("Money")).isEqualTo(new TypeRef.Named("Money"));
        assertThat(TypeRefParser.parse(" list< Money > ")).isEqualTo(new TypeRef.ListOf(new TypeRef.Named("Money")));
        assertThat(TypeRefParser.parse("map<string, list<int32>>")).isEqualTo(new TypeRef.MapOf(
                new TypeRef.Scalar(ScalarKind.STRING), new TypeRef.ListOf(new TypeRef.Scalar(ScalarKind.INT32))));
        assertThat(TypeRefParser.parse("map<string,  Money>").spelling()).isEqualTo("map<string,Money>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list<", "list<>", "map<string>", "map<string,int32", "list<int32>>", "9lives",
        "Order Item", "List<int32>", "map<a,b,c>", "über"})
    void rejectsWhatIsNotATypeExpression(String text) {
        assertThat(TypeRefParser.parse(text)).isNull();
    }

    @Test
    void parsesDurationsWithTheirUnits() {
        assertThat(DurationParser.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationParser.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationParser.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(DurationParser.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationParser.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(DurationParser.parse("1.5s")).isNull();
        assertThat(DurationParser.parse("500")).isNull();
        assertThat(DurationParser.parse("2 sec")).isNull();
        assertThat(DurationParser.parse("99999999999999999999s")).isNull();
    }

    @Test
    void suggestsOnlyCloseNames() {
        List<String> keys = List.of("timeout", "deadline", "retry", "circuitBreaker");
        assertThat(Suggestions.closest("timout", keys)).contains("timeout");
        assertThat(Suggestions.closest("Retry", keys)).contains("retry");
        assertThat(Suggestions.closest("circuitbraker", keys)).contains("circuitBreaker");
        assertThat(Suggestions.closest("owner", keys)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}

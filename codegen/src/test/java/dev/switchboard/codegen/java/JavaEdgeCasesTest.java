package dev.switchboard.codegen.java;

import static dev.switchboard.codegen.java.GeneratedJsonRoundTripTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.Validatable;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Java generators on names and types that the rich contract does not exercise. */
class JavaEdgeCasesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<OutputGenerator> JAVA_GENERATORS = List.of(
            new RecordGenerator(), new EnumGenerator(), new ErrorExceptionGenerator(),
            new ServiceInterfaceGenerator(), new ClientInterfaceGenerator());

    private static Map<String, String> sources;
    private static InProcessCompiler.Result compiled;
    private static URLClassLoader loader;

    @BeforeAll
    static void generateAndCompile() throws MalformedURLException {
        ContractInput input = new ContractInput(
                ContractLoader.load(Path.of("src/test/resources/contracts/java-edge-cases.yaml")),
                "java-edge-cases.yaml", EnumSet.of(Role.SERVER, Role.CLIENT), EnumSet.allOf(Transport.class));
        sources = new LinkedHashMap<>();
        for (OutputGenerator generator : JAVA_GENERATORS) {
            for (GeneratedFile file : generator.generate(input)) {
                sources.put(file.relativePath(), file.content());
            }
        }
        compiled = InProcessCompiler.compile(sources, Path.of("target", "compiled-java-edge-cases"), List.of());
        loader = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
                JavaEdgeCasesTest.class.getClassLoader());
    }

    @Test
    void compilesWithoutErrorsOrWarnings() {
        assertThat(compiled.diagnostics()).as(compiled.report()).isEmpty();
        assertThat(compiled.success()).isTrue();
    }

    @Test
    void namesThatClashWithGeneratedMembersAreEscapedButKeptInJson() throws ReflectiveOperationException {
        Object tricky = MAPPER.readValue("""
                {"check": 2, "hashCode": "abc", "builder": "b", "validate": true}""", load("Tricky"));

        assertThat(get(tricky, "check")).isEqualTo(2);
        assertThat(get(tricky, "hashCode_")).isEqualTo("abc");
        assertThat(get(tricky, "builder_")).isEqualTo("b");
        assertThat(get(tricky, "validate_")).isEqualTo(true);
        assertThat(MAPPER.writeValueAsString(tricky)).startsWith(
                "{\"check\":2,\"hashCode\":\"abc\",\"builder\":\"b\",\"validate\":true,");
        assertThat(load("EdgeService").getMethod("wait_", load("Tricky")).getReturnType()).isEqualTo(load("Empty"));
    }

    @Test
    void decimalsInsideCollectionsAreJsonStrings() {
        String document = """
                {"check":2,"hashCode":"","validate":false,"prices":["1.10","0"],"priceBook":{"b":"0.10","a":"2"},\
                "huge":1,"weight":0,"children":{}}""";
        Object tricky = MAPPER.readValue(document, load("Tricky"));

        assertThat(MAPPER.writeValueAsString(tricky)).isEqualTo(document);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(tricky), load("Tricky"))).isEqualTo(tricky);
    }

    @Test
    void boundsCompareExactlyForEveryNumericKind() {
        // -1 in a Java int is uint32 4294967295, as in protobuf-java.
        Object tricky = MAPPER.readValue("""
                {"check": 1, "hashCode": "abcd", "prices": ["1", "2", "3"], "counter": -1, "huge": 0,
                 "ratio": 0.25, "weight": 10000000001, "children": {"x": {"name": ""}}}""", load("Tricky"));

        assertThat(ConstraintCheck.violationsOf((Validatable) tricky)).extracting(Object::toString).containsExactly(
                "check: must be at least 2",
                "hashCode: must be at most 3 characters long",
                "prices: must have at most 2 items",
                "counter: must be at most 4000000000",
                "huge: must be at least 1",
                "ratio: must be at least 0.5",
                "weight: must be at most 10000000000",
                "children[x].name: must be at least 1 character long");
    }

    @Test
    void aTypeWithoutFieldsIsAnEmptyValidatableRecord() {
        Object empty = MAPPER.readValue("{\"ignored\": 1}", load("Empty"));

        assertThat(load("Empty").getRecordComponents()).extracting(RecordComponent::getName).containsExactly("unknownFields");
        assertThat(MAPPER.writeValueAsString(empty)).isEqualTo("{}");
        assertThat(ConstraintCheck.violationsOf((Validatable) empty)).isEmpty();
    }

    @Test
    void aPlaceholderNamedCauseKeepsTheCauseParameterApart() throws ReflectiveOperationException {
        IllegalStateException cause = new IllegalStateException("root");
        SwitchboardException broken = (SwitchboardException) load("BrokenException")
                .getConstructor(String.class, String.class, Throwable.class).newInstance("rain", "Roof", cause);

        assertThat(broken.getMessage()).isEqualTo("broken because rain in Roof (rain)");
        assertThat(broken.details()).isEqualTo(Map.of("cause", "rain", "class", "Roof"));
        assertThat(broken.getCause()).isSameAs(cause);
    }

    @Test
    void aTypeNamedLikeAJavaLangClassHidesItFromNoGeneratedFile() throws ReflectiveOperationException {
        // Mode never mentions the contract's String, yet that String would hide java.lang.String in it.
        assertThat(load("Mode").getMethod("fromJson", String.class).getReturnType()).isEqualTo(load("Mode"));
        assertThat(MAPPER.readValue("\"ON\"", load("Mode")).toString()).isEqualTo("ON");
        assertThat(load("BrokenException").getConstructor(String.class, String.class)).isNotNull();
        assertThat(load("String").getRecordComponents()[0].getType()).isEqualTo(int.class);
    }

    @Test
    void aFieldOfATypeNamedBuilderKeepsItsTypeBesideTheNestedBuilder() throws ReflectiveOperationException {
        Object part = load("Builder").getConstructor(String.class).newInstance("wheel");
        Object builder = load("Assembly").getMethod("builder").invoke(null);
        builder.getClass().getMethod("part", load("Builder")).invoke(builder, part);
        Object assembly = builder.getClass().getMethod("build").invoke(builder);

        assertThat(builder.getClass().getSimpleName()).isEqualTo("Builder_");
        assertThat(get(assembly, "part")).isEqualTo(part);
    }

    @Test
    void fieldsThatWantOnePatternConstantEachKeepTheirOwnPattern() {
        Object assembly = MAPPER.readValue("""
                {"part": {"label": "wheel"}, "aBCd": "y", "aBcd": "x", "java": 6}""", load("Assembly"));

        assertThat(ConstraintCheck.violationsOf((Validatable) assembly)).extracting(Object::toString).containsExactly(
                "aBCd: must match x+",
                "aBcd: must match y+",
                "java: must be at most 5");
        // A component named java would hide the package of java.lang.Integer, which the check spells out.
        assertThat(get(assembly, "java_")).isEqualTo(6);
        assertThat(MAPPER.writeValueAsString(assembly)).contains("\"java\":6");
    }

    @Test
    void placeholdersThatWouldHideWhatTheConstructorUsesAreRenamed() throws ReflectiveOperationException {
        Class<?> text = String.class;
        SwitchboardException hidden = (SwitchboardException) load("HiddenException")
                .getConstructor(text, text, text, text, text, text).newInstance("m", "s", "e", "j", "c", "c_");

        assertThat(hidden.errorName()).isEqualTo("Hidden");
        assertThat(hidden.getMessage()).isEqualTo("m s e j c c_");
        assertThat(hidden.details()).isEqualTo(Map.of(
                "Map", "m", "String", "s", "ERROR_NAME", "e", "java", "j", "class", "c", "class_", "c_"));
    }

    @Test
    void docsStayPlainTextThatJavacAndJavadocAccept() {
        String assembly = sourceOf("Assembly");

        // Wrapped at the line width, never before a word javadoc would read as a block tag.
        assertThat(assembly).contains(" * Plain text, not code: C:&#92;users, &#92;u002a/ ends nothing,"
                + " {&#64;link Nowhere}, *&#47;,\n * &lt;b&gt; &amp; @param\n");
        assertThat(assembly).contains(" * @param part &#92;u is not an escape\n");
    }

    private static String sourceOf(String simpleName) {
        return sources.get("com/example/edge/" + simpleName + ".java");
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName("com.example.edge." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(compiled.report(), e);
        }
    }
}

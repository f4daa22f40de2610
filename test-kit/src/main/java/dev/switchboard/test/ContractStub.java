package dev.switchboard.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.SwitchboardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A stand-in for another service, built from its contract, so a caller is tested without running it: a real HTTP
 * server on a free loopback port answering the contract's routes as the generated controllers do (JSON,
 * problem+json with the error's code and name) and, when grpc-java is on the class path, a real gRPC server
 * answering every operation as the generated service does (any of the four streaming modes, statuses with
 * {@code ErrorInfo}). One script per operation answers both; every call is recorded.
 *
 * <pre>{@code
 * try (ContractStub inventory = ContractStub.forService("Inventory")) {
 *     inventory.on("reserveStock").failTimes(1, ErrorCode.UNAVAILABLE).answer(new Reservation("r-1", 2));
 *     // point the client at inventory.clientProperties() (or clientProperties("grpc")), call, then:
 *     assertThat(inventory.calls("reserveStock")).hasSize(2);
 * }
 * }</pre>
 */
public final class ContractStub implements AutoCloseable {

    private final ServiceContract contract;
    private final AnswerCheck check;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, OperationScript> scripts = new ConcurrentHashMap<>();
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private GrpcStubServer grpc;
    private boolean closed;

    private ContractStub(ServiceContract contract) {
        this.contract = contract;
        this.check = new AnswerCheck(contract);
        for (Operation operation : contract.operations()) {
            if (operation.http() != null && !operation.inputStream() && !operation.outputStream()) {
                routes.add(Route.of(operation));
            }
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub of " + contract.service(), e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stub of the contract in {@code file}. */
    public static ContractStub forContract(Path file) {
        return new ContractStub(ContractLoader.load(file));
    }

    /**
     * A stub of {@code service} from the contract its jar carries ({@code META-INF/switchboard/<service>/contract.yaml}),
     * which is on the test class path when the caller imports the service by coordinates.
     */
    public static ContractStub forService(String service) {
        String resource = "META-INF/switchboard/" + service.toLowerCase(Locale.ROOT) + "/contract.yaml";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path: add " + service
                        + "'s service jar as a test dependency, or use forContract(path)");
            }
            return new ContractStub(ContractLoader.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The script of {@code operation}; a name the contract does not have, or one neither transport of the stub can
     * serve (no REST route and no grpc-java on the class path), is refused.
     */
    public OperationScript on(String operation) {
        Operation found = contract.operations().stream().filter(o -> o.name().equals(operation)).findFirst()
                .orElseThrow(() -> new ContractViolation(contract.service() + " has no operation " + operation));
        if (routes.stream().noneMatch(route -> route.operation() == found) && !GrpcStubServer.available()) {
            throw new ContractViolation(contract.service() + "." + operation + " has no REST route, and without "
                    + "grpc-java and switchboard-grpc on the class path this stub serves no gRPC");
        }
        return scripts.computeIfAbsent(operation, name -> new OperationScript(this, found, json));
    }

    /** Where the stub answers REST: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Where the stub answers gRPC, as a channel target: {@code 127.0.0.1:<port>}; started on first use. */
    public synchronized String grpcAddress() {
        if (closed) {
            throw new IllegalStateException("the stub of " + contract.service() + " is closed");
        }
        if (grpc == null) {
            if (!GrpcStubServer.available()) {
                throw new IllegalStateException("a gRPC stub needs grpc-java and switchboard-grpc on the test class path, "
                        + "as a gRPC caller has them through switchboard-spring-boot-starter-grpc");
            }
            grpc = new GrpcStubServer(this);
        }
        return grpc.address();
    }

    /**
     * The properties that point a generated client at this stub, e.g. for {@code @DynamicPropertySource}: over REST
     * when the contract has REST routes, else over gRPC.
     */
    public Map<String, String> clientProperties() {
        return clientProperties(routes.isEmpty() ? "grpc" : "rest");
    }

    /** The properties that point a generated client at this stub over {@code transport}: {@code rest} or {@code grpc}. */
    public Map<String, String> clientProperties(String transport) {
        String prefix = "switchboard.services." + ServiceKeys.kebab(contract.service()) + ".client.";
        return switch (transport) {
            case "rest" -> Map.of(prefix + "base-url", baseUrl(), prefix + "transport", "rest");
            case "grpc" -> Map.of(prefix + "address", grpcAddress(), prefix + "transport", "grpc");
            default -> throw new IllegalArgumentException("no stub transport " + transport + ": rest or grpc");
        };
    }

    /** The calls {@code operation} got, in order. */
    public List<RecordedCall> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** Every call, in order. */
    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the scripts and the recorded calls. */
    public void reset() {
        scripts.clear();
        calls.clear();
    }

    public String service() {
        return contract.service();
    }

    ServiceContract contract() {
        return contract;
    }

    AnswerCheck check() {
        return check;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (grpc != null) {
            grpc.close();
        }
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Records {@code call} and answers it as its operation's script says, after the script's delay. */
    OperationScript.Response respond(RecordedCall call) {
        calls.add(call);
        OperationScript script = scripts.get(call.operation());
        if (script == null) {
            Operation operation = contract.operations().stream().filter(o -> o.name().equals(call.operation()))
                    .findFirst().orElseThrow();
            return new OperationScript(this, operation, json).next();
        }
        OperationScript.Response response = script.next();
        if (!script.delay().isZero()) {
            try {
                Thread.sleep(script.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return response;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            for (Route route : routes) {
                if (route.matches(method, path)) {
                    send(exchange, respond(record(exchange, route.operation(), method, path)));
                    return;
                }
            }
            send(exchange, OperationScript.Response.failure(ErrorCode.NOT_FOUND, "NOT_FOUND",
                    "no route for " + method + " " + path + " in " + contract.service() + "'s contract", Map.of()));
        }
    }

    private RecordedCall record(HttpExchange exchange, Operation operation, String method, String path) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        JsonNode json = body.length == 0 ? MissingNode.getInstance() : this.json.readTree(body);
        return new RecordedCall(operation.name(), "rest", method, path, query, headers, json);
    }

    /** The answer as the generated controllers send it: JSON, or problem+json naming the code and the error. */
    private void send(HttpExchange exchange, OperationScript.Response response) throws IOException {
        SwitchboardException failure = response.failure();
        Object body = failure == null ? response.answers().get(0) : problem(failure);
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", failure == null ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(failure == null ? 200 : failure.code().httpStatus(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, Object> problem(SwitchboardException failure) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:switchboard:error:" + failure.errorName());
        problem.put("title", failure.errorName());
        problem.put("status", failure.code().httpStatus());
        problem.put("detail", failure.getMessage());
        problem.put("code", failure.code().name());
        if (!failure.errorName().equals(failure.code().name())) {
            problem.put("error", failure.errorName());
        }
        if (!failure.details().isEmpty()) {
            problem.put("details", failure.details());
        }
        return problem;
    }

    /** A route of the contract: its method and its path template as a pattern. */
    private record Route(Operation operation, String method, Pattern path) {

        static Route of(Operation operation) {
            String template = operation.http().path();
            StringBuilder regex = new StringBuilder();
            Matcher variable = Pattern.compile("\\{[^}]+}").matcher(template);
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(template.substring(last, variable.start()))).append("([^/]+)");
                last = variable.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return new Route(operation, operation.http().method().name(), Pattern.compile(regex.toString()));
        }

        boolean matches(String method, String path) {
            return this.method.equals(method) && this.path.matcher(path).matches();
        }
    }
}

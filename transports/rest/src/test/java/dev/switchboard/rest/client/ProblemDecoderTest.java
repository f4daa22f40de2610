package dev.switchboard.rest.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

class ProblemDecoderTest {

    /** What a generated service's decoder does: its contract errors get their own class. */
    static final class OrderNotFoundException extends SwitchboardException {
        private static final long serialVersionUID = 1L;

        OrderNotFoundException(String message, Map<String, String> details) {
            super(ErrorCode.NOT_FOUND, "OrderNotFound", message, details);
        }
    }

    private static final ErrorDecoder CONTRACT = (code, errorName, message, details) -> errorName.equals("OrderNotFound")
            ? new OrderNotFoundException(message, details)
            : new SwitchboardException(code, errorName, message, details);

    private final ProblemDecoder problems = new ProblemDecoder(JsonMapper.builder().build());

    @Test
    void aContractErrorComesBackAsTheContractsException() {
        SwitchboardException failure = decode(404, problemJson(), """
                {"type":"urn:switchboard:error:OrderNotFound","title":"OrderNotFound","status":404,
                 "detail":"no order o-9","code":"NOT_FOUND","error":"OrderNotFound","details":{"orderId":"o-9"}}""");

        assertThat(failure).isInstanceOf(OrderNotFoundException.class).hasMessage("no order o-9");
        assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure.details()).isEqualTo(Map.of("orderId", "o-9"));
    }

    @Test
    void violationsComeBackAsAValidationExceptionWithEveryOne() {
        SwitchboardException failure = decode(400, problemJson(), """
                {"status":400,"detail":"invalid request","code":"INVALID_ARGUMENT",
                 "violations":[{"field":"customerId","message":"is required"},
                               {"field":"items[1].quantity","message":"must be at least 1"}]}""");

        assertThat(failure).isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                .containsExactly(new ConstraintViolation("customerId", "is required"),
                        new ConstraintViolation("items[1].quantity", "must be at least 1")));
    }

    @Test
    void retryAfterInSecondsSaysWhenToComeBack() {
        HttpHeaders headers = problemJson();
        headers.set(HttpHeaders.RETRY_AFTER, "3");

        SwitchboardException failure = decode(429, headers, """
                {"status":429,"detail":"rate limit of 5 per 1000ms exceeded","code":"RESOURCE_EXHAUSTED"}""");

        assertThat(failure).isInstanceOfSatisfying(RetryLaterException.class, later -> {
            assertThat(later.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
            assertThat(later.retryAfter()).contains(Duration.ofSeconds(3));
        }).hasMessage("rate limit of 5 per 1000ms exceeded");
    }

    @Test
    void aRetryAfterDateIsReadAsAbsent() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "Wed, 21 Oct 2026 07:28:00 GMT");

        SwitchboardException failure = decode(503, headers, "");

        assertThat(failure).isNotInstanceOf(RetryLaterException.class);
        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void aBodyThatIsNoProblemFallsBackToTheStatus() {
        HttpHeaders html = new HttpHeaders();
        html.setContentType(MediaType.TEXT_HTML);

        SwitchboardException gateway = decode(502, html, "<html>Bad Gateway</html>");
        SwitchboardException notJson = decode(500, problemJson(), "{not json");
        SwitchboardException array = decode(404, problemJson(), "[1,2]");

        assertThat(gateway.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(gateway).hasMessage("HTTP 502");
        assertThat(notJson.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(array.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(array.errorName()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnknownCodeInTheProblemKeepsTheStatusCode() {
        SwitchboardException failure = decode(409, problemJson(), """
                {"status":409,"detail":"try later","code":"NOT_A_CODE"}""");

        assertThat(failure.code()).isEqualTo(ErrorCode.ABORTED);
        assertThat(failure).hasMessage("try later");
    }

    @Test
    void plainJsonProblemsAreReadToo() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        SwitchboardException failure = decode(400, json, """
                {"detail":"no such customer","code":"FAILED_PRECONDITION"}""");

        assertThat(failure.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
        assertThat(failure).hasMessage("no such customer");
    }

    private SwitchboardException decode(int status, HttpHeaders headers, String body) {
        return problems.decode(status, headers, body.getBytes(StandardCharsets.UTF_8), CONTRACT);
    }

    private static HttpHeaders problemJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}

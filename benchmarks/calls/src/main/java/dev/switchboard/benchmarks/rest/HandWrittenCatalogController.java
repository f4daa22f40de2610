package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.catalog.GetItemRequest;
import dev.switchboard.benchmarks.catalog.Item;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline: what a careful developer writes by hand for the same API with Spring MVC —
 * JSON in and out, the same validation, errors as problem details — without Switchboard's
 * policies, idempotency, deadlines or per-call observation.
 */
@RestController
@RequestMapping("/hand")
class HandWrittenCatalogController {

    private final CatalogStore store;

    HandWrittenCatalogController(CatalogStore store) {
        this.store = store;
    }

    @GetMapping("/items/{sku}")
    Item getItem(@PathVariable String sku) {
        return store.getItem(ConstraintCheck.requireValid(new GetItemRequest(sku)));
    }

    @PutMapping("/items")
    Item putItem(@RequestBody PutItemRequest request) {
        return store.putItem(ConstraintCheck.requireValid(request));
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(SwitchboardException.class)
    ProblemDetail failed(SwitchboardException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.code().httpStatus()), e.getMessage());
    }
}

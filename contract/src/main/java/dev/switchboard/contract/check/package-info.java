/**
 * Validation: semantic rules on the read model, one class per concern (names, wire numbers, field
 * types and constraints, errors, operations and their HTTP mapping, messages, policies).
 */
package dev.switchboard.contract.check;

/**
 * The contract of a Switchboard service: {@link dev.switchboard.contract.ContractLoader} reads a
 * contract file into the validated model of {@code dev.switchboard.contract.model}, or throws a
 * {@link dev.switchboard.contract.ContractException} with every problem, each with its position
 * and fix. The format's JSON Schema ships as {@code dev/switchboard/contract/switchboard-contract.schema.json}.
 */
package dev.switchboard.contract;

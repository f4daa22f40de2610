/**
 * Reading: the YAML node tree of a contract (with line and column marks) becomes model records.
 * Structural problems are collected in {@link dev.switchboard.contract.read.Problems}; where each
 * value was written is kept in {@link dev.switchboard.contract.read.Locations} for the validator.
 */
package dev.switchboard.contract.read;

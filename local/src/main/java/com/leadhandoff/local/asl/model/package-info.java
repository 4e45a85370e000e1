/**
 * The parsed form of an Amazon States Language definition: immutable records, one per state type,
 * with every default of the specification already filled in. Only constructs the interpreter
 * supports can be represented here; the parser refuses the rest.
 */
package com.leadhandoff.local.asl.model;

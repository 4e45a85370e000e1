/**
 * Evaluation helpers shared by the state runners: JSONPath over Jackson, payload templates,
 * intrinsic functions, Choice rules, error matching and retry backoff.
 */
package com.leadhandoff.local.asl.eval;

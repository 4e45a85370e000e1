/**
 * Evaluation helpers shared by the state runners: JSONPath over Jackson, payload templates,
 * intrinsic functions, Choice rules, error matching and retry backoff; workflow variables ({@link
 * com.leadhandoff.local.asl.eval.Variables}) and JSONata ({@link
 * com.leadhandoff.local.asl.eval.Jsonata}, {@link com.leadhandoff.local.asl.eval.JsonataTemplates}
 * for any JSON field written with {@code {% %}} expressions, e.g. a Map's Items or ItemSelector).
 */
package com.leadhandoff.local.asl.eval;

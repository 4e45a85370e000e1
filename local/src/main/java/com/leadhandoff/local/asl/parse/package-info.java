/**
 * Parse and validate: turns definition JSON into the {@code model} records, collecting every
 * problem (with the state name and the construct) before refusing the definition as a whole.
 */
package com.leadhandoff.local.asl.parse;

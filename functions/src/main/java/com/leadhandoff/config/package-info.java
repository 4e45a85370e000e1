/**
 * What every rules file in {@code config/} shares: YAML read with the line of every value, problems
 * collected in one pass and reported together with file, line, entry and fix.
 */
package com.leadhandoff.config;

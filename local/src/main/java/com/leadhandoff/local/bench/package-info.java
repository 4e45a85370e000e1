/**
 * Benchmarks of the local runtime, run by hand (see the README), never as tests: timing on a shared
 * machine is a measurement to read, not an assertion to flake on.
 */
package com.leadhandoff.local.bench;

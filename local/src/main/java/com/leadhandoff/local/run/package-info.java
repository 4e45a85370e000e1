/**
 * {@code run FILE.asl.json}: runs an ad-hoc state machine definition in-process, without the
 * template, and prints the states it entered and how it ended.
 */
package com.leadhandoff.local.run;

/**
 * {@code Take In Lead}: the synchronous front of the handoff, from the stored lead to its route.
 */
package com.leadhandoff.takein;

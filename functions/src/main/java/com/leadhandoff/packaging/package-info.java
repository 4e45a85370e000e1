/**
 * Build steps for the Lambda packages (not part of them): what the shrinker's output needs before
 * it is deployed.
 */
package com.leadhandoff.packaging;

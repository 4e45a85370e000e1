/**
 * A local SES v2 endpoint: the functions' real {@code SesV2Client}, pointed here through the SDK's
 * endpoint override, sends into an {@link com.leadhandoff.local.ses.Outbox} instead of the
 * internet.
 */
package com.leadhandoff.local.ses;

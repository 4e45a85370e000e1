/**
 * The HTTP API's Lambda event and response on the wire, read and written with Jackson's streaming
 * parser: HTTP handlers are stream handlers, so the Lambda runtime's event serializers (hundreds of
 * classes at a cold start) never load.
 */
package com.leadhandoff.http;

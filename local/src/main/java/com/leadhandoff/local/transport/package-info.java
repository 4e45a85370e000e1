/**
 * The functions' SDK calls to the local runtime's own services without a socket: an SDK HTTP client
 * ({@link com.leadhandoff.local.transport.InProcessHttpClient}) that hands each request addressed
 * to a server the runtime registered ({@link com.leadhandoff.local.transport.InProcessEndpoints})
 * to the handler that server would run, and sends anything else over the network.
 */
package com.leadhandoff.local.transport;

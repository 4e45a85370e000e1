/**
 * EventBridge's PutEvents and custom buses, emulated: the wire protocol ({@link
 * EventBridgeEndpoint}), the operation's checks ({@link PutEvents}), the buses and the events they
 * received ({@link EventBuses}), and delivery of each event to a webhook ({@link
 * WebhookForwarder}). Nothing here knows the product it serves.
 */
package com.leadhandoff.local.eventbridge;
